using System.Globalization;

namespace Governance.Etl.Readers;

/// <summary>
/// Settings under <c>Etl:Limits</c>: the most a file may hold before it is rejected whole (rule <c>file_too_large</c>)
/// instead of being read. The defaults are Excel's own sheet limits or far above what a township template holds, so that
/// only a damaged or hostile file meets them, and memory and time stay bounded whatever the file says about itself.
/// </summary>
public sealed class ReadLimits
{
    public const string Section = "Etl:Limits";

    /// <summary>Characters of one cell (Excel's own limit: 32,767).</summary>
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>Columns of a row (Excel's own limit: 16,384, column XFD).</summary>
    public int MaxColumns { get; set; } = 16_384;

    /// <summary>Rows of one worksheet (Excel's own limit: 1,048,576); CSV files are not bounded in rows.</summary>
    public int MaxRows { get; set; } = 1_048_576;

    /// <summary>Cells of a workbook, empty ones inside each sheet's used range included (rows times columns read).</summary>
    public long MaxCells { get; set; } = 20_000_000;

    /// <summary>Characters of one CSV record (line), its quoted line breaks included: the reader's buffer, as before the limits.</summary>
    public int MaxCsvRecordCharacters { get; set; } = 1 << 17;

    /// <summary>Uncompressed bytes of a workbook's shared strings (xl/sharedStrings.xml), which are held in memory.</summary>
    public long MaxSharedStringsBytes { get; set; } = 64L << 20;

    /// <summary>Uncompressed bytes of one part (file inside the .xlsx zip), counted while inflating.</summary>
    public long MaxPartBytes { get; set; } = 1L << 30;

    /// <summary>Uncompressed bytes of all parts of a workbook together.</summary>
    public long MaxTotalBytes { get; set; } = 2L << 30;

    /// <summary>Parts (entries) of a workbook's zip.</summary>
    public int MaxParts { get; set; } = 10_000;

    /// <summary>The setting's full name, e.g. <c>Etl:Limits:MaxRows</c>, for messages.</summary>
    public static string Setting(string property) => $"{Section}:{property}";

    /// <summary>What is wrong with these settings, each problem naming its setting; empty when they can work.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Check(nameof(MaxCellCharacters), MaxCellCharacters, 1);
        Check(nameof(MaxColumns), MaxColumns, 1);
        Check(nameof(MaxRows), MaxRows, 1);
        Check(nameof(MaxCells), MaxCells, 1);
        Check(nameof(MaxCsvRecordCharacters), MaxCsvRecordCharacters, 1024);
        Check(nameof(MaxSharedStringsBytes), MaxSharedStringsBytes, 1);
        Check(nameof(MaxPartBytes), MaxPartBytes, 1);
        Check(nameof(MaxTotalBytes), MaxTotalBytes, 1);
        Check(nameof(MaxParts), MaxParts, 1);
        if (MaxCsvRecordCharacters > Array.MaxLength / 2)
        {
            problems.Add($"Setting {Setting(nameof(MaxCsvRecordCharacters))} is {MaxCsvRecordCharacters.ToString(CultureInfo.InvariantCulture)}; it must be at most {(Array.MaxLength / 2).ToString(CultureInfo.InvariantCulture)}.");
        }

        return problems;

        void Check(string name, long value, long least)
        {
            if (value < least)
            {
                problems.Add($"Setting {Setting(name)} is {value.ToString(CultureInfo.InvariantCulture)}; it must be at least {least.ToString(CultureInfo.InvariantCulture)}.");
            }
        }
    }
}
