using System.Globalization;
using System.Text;

namespace Governance.Etl.Demo;

/// <summary>Writes the demo's CSV files: a header, then one line per row, fields joined by commas.</summary>
internal static class DemoCsv
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static readonly Encoding Utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>Writes the file and returns the number of data lines.</summary>
    public static int Write(string path, Encoding encoding, string header, IEnumerable<string> lines)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: false, encoding) { NewLine = "\n" };
        writer.WriteLine(header);
        var count = 0;
        foreach (var line in lines)
        {
            writer.WriteLine(line);
            count++;
        }

        return count;
    }

    public static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
