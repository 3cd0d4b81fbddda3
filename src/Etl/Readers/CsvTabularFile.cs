using System.Runtime.CompilerServices;
using Sylvan.Data.Csv;

namespace Governance.Etl.Readers;

/// <summary>
/// Comma- or tab-separated text in UTF-8 or GB18030, read with Sylvan.Data.Csv; a record longer than
/// <see cref="ReadLimits.MaxCsvRecordCharacters"/> (the reader's buffer), a row of more than
/// <see cref="ReadLimits.MaxColumns"/> fields or a field of more than <see cref="ReadLimits.MaxCellCharacters"/> rejects the file.
/// </summary>
public sealed class CsvTabularFile(FileStream stream, ReadLimits limits) : TabularFile(stream, limits)
{
    protected override async IAsyncEnumerable<RawRow> ReadRowsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var encoding = TextEncodingDetector.Detect(Stream);
        using var text = new StreamReader(Stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var delimiter = DetectDelimiter(text);
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            // The whole bound at once: a buffer that grows re-reads the record each time (a million-column line took minutes).
            BufferSize = Limits.MaxCsvRecordCharacters,
            MaxBufferSize = Limits.MaxCsvRecordCharacters,
        };
        await using var csv = await CsvDataReader.CreateAsync(text, options, cancellationToken);
        var line = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            line++;
            if (csv.RowFieldCount > Limits.MaxColumns)
            {
                throw UnreadableFileException.TooLarge(FormattableString.Invariant($"line {line:N0} has {csv.RowFieldCount:N0} columns"), nameof(ReadLimits.MaxColumns), Limits.MaxColumns);
            }

            var cells = new string[csv.RowFieldCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = csv.GetString(i);
                if (cells[i].Length > Limits.MaxCellCharacters)
                {
                    throw UnreadableFileException.TooLarge(FormattableString.Invariant($"line {line:N0}, column {i + 1:N0} has {cells[i].Length:N0} characters"), nameof(ReadLimits.MaxCellCharacters), Limits.MaxCellCharacters);
                }
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
