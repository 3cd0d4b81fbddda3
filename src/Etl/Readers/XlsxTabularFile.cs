using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;

namespace Governance.Etl.Readers;

/// <summary>
/// Every worksheet of an .xlsx workbook, row at a time (ExcelDataReader), after <see cref="XlsxPackageCheck"/> has
/// inflated and scanned every part within <see cref="ReadLimits"/>; rows, columns and cells are bounded as they are read.
/// </summary>
public sealed class XlsxTabularFile : TabularFile
{
    private readonly IExcelDataReader _reader;

    static XlsxTabularFile()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private XlsxTabularFile(FileStream stream, IExcelDataReader reader, ReadLimits limits)
        : base(stream, limits)
    {
        _reader = reader;
    }

    /// <summary>Opens the workbook at once, so that a file that is not one, or past a bound, is known before any row is read.</summary>
    public static XlsxTabularFile Open(FileStream stream, ReadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            XlsxPackageCheck.Check(stream, limits);
            return new XlsxTabularFile(stream, ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true }), limits);
        }
        catch (UnreadableFileException)
        {
            stream.Dispose();
            throw;
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException or System.Xml.XmlException)
        {
            stream.Dispose();
            throw Unreadable(e, limits) is { } known && e is System.Xml.XmlException ? known : new UnreadableFileException(
                $"文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名 / not a valid Excel workbook (.xlsx): damaged, or renamed from another format ({e.Message})", e);
        }
    }

    protected override async IAsyncEnumerable<RawRow> ReadRowsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var reader = _reader;
        long read = 0;
        do
        {
            var sheet = reader.Name;
            if (reader.FieldCount > Limits.MaxColumns)
            {
                throw UnreadableFileException.TooLarge(FormattableString.Invariant($"sheet {sheet} has {reader.FieldCount:N0} columns"), nameof(ReadLimits.MaxColumns), Limits.MaxColumns);
            }

            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.Depth >= Limits.MaxRows)
                {
                    throw UnreadableFileException.TooLarge(FormattableString.Invariant($"sheet {sheet} has more than {Limits.MaxRows:N0} rows"), nameof(ReadLimits.MaxRows), Limits.MaxRows);
                }

                if ((read += reader.FieldCount) > Limits.MaxCells)
                {
                    throw UnreadableFileException.TooLarge(FormattableString.Invariant($"the workbook has more than {Limits.MaxCells:N0} cells (sheet {sheet}, row {reader.Depth + 1:N0})"), nameof(ReadLimits.MaxCells), Limits.MaxCells);
                }

                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    if ((cells[i] = Text(reader.GetValue(i))).Length > Limits.MaxCellCharacters)
                    {
                        throw UnreadableFileException.TooLarge(FormattableString.Invariant($"sheet {sheet}, row {reader.Depth + 1:N0}, column {i + 1:N0} has {cells[i].Length:N0} characters"), nameof(ReadLimits.MaxCellCharacters), Limits.MaxCellCharacters);
                    }
                }

                yield return new RawRow(sheet, reader.Depth + 1, cells);
            }
        }
        while (reader.NextResult());
    }

    public override async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await base.DisposeAsync();
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
