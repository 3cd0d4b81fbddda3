using System.Runtime.CompilerServices;
using System.Text;
using System.Xml;
using Sylvan.Data.Csv;

namespace Governance.Etl.Readers;

/// <summary>A CSV file or a workbook read row at a time; knows how far into the file it is.</summary>
public abstract class TabularFile : IAsyncDisposable
{
    protected TabularFile(FileStream stream, ReadLimits limits)
    {
        Stream = stream;
        Limits = limits;
    }

    public long BytesRead => Stream.CanSeek ? Stream.Position : 0;

    public long TotalBytes => Stream.CanSeek ? Stream.Length : 0;

    protected FileStream Stream { get; }

    protected ReadLimits Limits { get; }

    /// <summary>
    /// Opens a .xlsx/.xlsm as a workbook and anything else as delimited text, within <paramref name="limits"/> (the
    /// defaults when null). A legacy .xls, a workbook that is not one, a file past a bound, or one that is not a regular
    /// file (a link, a pipe, a device) is an <see cref="UnreadableFileException"/>: the whole file is rejected, with what to do.
    /// </summary>
    public static TabularFile Open(string path, ReadLimits? limits = null)
    {
        limits ??= new ReadLimits();
        var extension = Path.GetExtension(path);
        if (extension.Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException("旧版 Excel 工作簿（.xls）不能导入，请在 Excel 中另存为 .xlsx 或 CSV / a legacy Excel workbook (.xls) is not read: save it as .xlsx or CSV in Excel");
        }

        var stream = RegularFile.OpenRead(path);
        return extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase)
            ? XlsxTabularFile.Open(stream, limits)
            : new CsvTabularFile(stream, limits);
    }

    /// <summary>
    /// Every row of every sheet, in order, blank rows included (so line numbers stay true). What the file's content makes
    /// the reader throw (malformed XML, a broken zip, bytes that are not text) is an <see cref="UnreadableFileException"/>.
    /// </summary>
    public async IAsyncEnumerable<RawRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var rows = ReadRowsCoreAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await rows.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (Exception e) when (Unreadable(e, Limits) is { } unreadable)
            {
                throw unreadable;
            }

            yield return rows.Current;
        }
    }

    protected abstract IAsyncEnumerable<RawRow> ReadRowsCoreAsync(CancellationToken cancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        await Stream.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The rejection for an exception that says the file's content is bad; null for any other (a disk error).</summary>
    internal static UnreadableFileException? Unreadable(Exception e, ReadLimits limits) => e switch
    {
        CsvRecordTooLargeException => UnreadableFileException.TooLarge("a CSV record (line) longer than the limit of characters", nameof(ReadLimits.MaxCsvRecordCharacters), limits.MaxCsvRecordCharacters),
        XmlException x when x.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            new($"工作簿含有 DTD，拒绝读取 / the workbook holds a DTD, which is not read ({x.Message})", e),
        XmlException or InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException =>
            new($"工作簿已损坏，无法读取 / the workbook is damaged and cannot be read ({e.Message})", e),
        DecoderFallbackException =>
            new($"文件不是有效的文本（编码错误）/ the file is not valid text in its encoding ({e.Message})", e),
        CsvFormatException =>
            new($"文件不是有效的 CSV / the file is not valid CSV ({e.Message})", e),
        _ => null,
    };
}
