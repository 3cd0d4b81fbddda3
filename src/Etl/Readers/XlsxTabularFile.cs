using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;

namespace Governance.Etl.Readers;

/// <summary>Every worksheet of an .xlsx workbook, row at a time (ExcelDataReader).</summary>
public sealed class XlsxTabularFile(FileStream stream) : TabularFile(stream)
{
    static XlsxTabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public override async IAsyncEnumerable<RawRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(Stream, new ExcelReaderConfiguration { LeaveOpen = true });
        do
        {
            var sheet = reader.Name;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = Text(reader.GetValue(i));
                }

                yield return new RawRow(sheet, reader.Depth + 1, cells);
            }
        }
        while (reader.NextResult());
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
