using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using ExcelDataReader;

namespace Governance.Etl.Readers;

/// <summary>Every worksheet of an .xlsx workbook, row at a time (ExcelDataReader).</summary>
public sealed class XlsxTabularFile : TabularFile
{
    private readonly IExcelDataReader _reader;

    static XlsxTabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private XlsxTabularFile(FileStream stream, IExcelDataReader reader)
        : base(stream) => _reader = reader;

    /// <summary>Opens the workbook at once, so that a file that is not one is known before any row is read.</summary>
    public static XlsxTabularFile Open(FileStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return new XlsxTabularFile(stream, ExcelReaderFactory.CreateOpenXmlReader(stream, new ExcelReaderConfiguration { LeaveOpen = true }));
        }
        catch (Exception e) when (e is ExcelDataReader.Exceptions.ExcelReaderException or InvalidDataException or NotSupportedException)
        {
            stream.Dispose();
            throw new UnreadableFileException(
                $"文件不是有效的 Excel 工作簿（.xlsx），可能已损坏或只是改了扩展名 / not a valid Excel workbook (.xlsx): damaged, or renamed from another format ({e.Message})", e);
        }
    }

    public override async IAsyncEnumerable<RawRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var reader = _reader;
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
