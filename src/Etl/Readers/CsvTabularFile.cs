using System.Runtime.CompilerServices;
using Sylvan.Data.Csv;

namespace Governance.Etl.Readers;

/// <summary>Comma- or tab-separated text in UTF-8 or GB18030, read with Sylvan.Data.Csv.</summary>
public sealed class CsvTabularFile(FileStream stream) : TabularFile(stream)
{
    public override async IAsyncEnumerable<RawRow> ReadRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var encoding = TextEncodingDetector.Detect(Stream);
        using var text = new StreamReader(Stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var delimiter = DetectDelimiter(text);
        var options = new CsvDataReaderOptions { HasHeaders = false, Delimiter = delimiter, BufferSize = 1 << 17 };
        await using var csv = await CsvDataReader.CreateAsync(text, options, cancellationToken);
        var line = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            line++;
            var cells = new string[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
            }

            if (line == 1 && cells.Length > 0)
            {
                cells[0] = cells[0].TrimStart('\uFEFF');
            }

            yield return new RawRow(null, line, cells);
        }
    }

    /// <summary>Tab when the first line has at least as many tabs as commas; comma otherwise.</summary>
    private static char DetectDelimiter(StreamReader text)
    {
        var buffer = new char[4096];
        var read = text.Read(buffer, 0, buffer.Length);
        var firstLine = new string(buffer, 0, read).Split('\n')[0];
        Rewind(text);
        var tabs = firstLine.Count(c => c == '\t');
        var commas = firstLine.Count(c => c == ',');
        return tabs > 0 && tabs >= commas ? '\t' : ',';
    }

    private static void Rewind(StreamReader text)
    {
        text.BaseStream.Position = 0;
        text.DiscardBufferedData();
    }
}
