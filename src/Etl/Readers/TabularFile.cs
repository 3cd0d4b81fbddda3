namespace Governance.Etl.Readers;

/// <summary>A CSV file or a workbook read row at a time; knows how far into the file it is.</summary>
public abstract class TabularFile : IAsyncDisposable
{
    private readonly FileStream _stream;

    protected TabularFile(FileStream stream) => _stream = stream;

    public long BytesRead => _stream.CanSeek ? _stream.Position : 0;

    public long TotalBytes => _stream.CanSeek ? _stream.Length : 0;

    protected FileStream Stream => _stream;

    /// <summary>
    /// Opens a .xlsx/.xlsm as a workbook and anything else as delimited text; a legacy .xls, or a workbook that is not
    /// one, is an <see cref="UnreadableFileException"/> (the whole file is rejected, with what to do about it).
    /// </summary>
    public static TabularFile Open(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension.Equals(".xls", StringComparison.OrdinalIgnoreCase))
        {
            throw new UnreadableFileException("旧版 Excel 工作簿（.xls）不能导入，请在 Excel 中另存为 .xlsx 或 CSV / a legacy Excel workbook (.xls) is not read: save it as .xlsx or CSV in Excel");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase) || extension.Equals(".xlsm", StringComparison.OrdinalIgnoreCase)
            ? XlsxTabularFile.Open(stream)
            : new CsvTabularFile(stream);
    }

    /// <summary>Every row of every sheet, in order, blank rows included (so line numbers stay true).</summary>
    public abstract IAsyncEnumerable<RawRow> ReadRowsAsync(CancellationToken cancellationToken);

    public virtual async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
