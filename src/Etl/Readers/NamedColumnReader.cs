using System.Runtime.CompilerServices;
using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>
/// Reads a small table with known columns (area lists, targets): the header is the first row holding the key column
/// (title rows above it skipped, every sheet of a workbook), each data row comes back as column name to cell text.
/// </summary>
public sealed class NamedColumnReader(IReadOnlyDictionary<string, IReadOnlySet<string>> columns, string keyColumn, RejectCollector rejects)
{
    public int DataRows { get; private set; }

    public async IAsyncEnumerable<NamedRow> ReadAsync(TabularFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string? sheet = null;
        Dictionary<string, int>? header = null;
        var (first, searched, anyHeader) = (true, 0, false);
        await foreach (var row in file.ReadRowsAsync(cancellationToken))
        {
            if (first || row.Sheet != sheet)
            {
                (first, sheet, header, searched) = (false, row.Sheet, null, 0);
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (header is null)
            {
                if (searched++ < ReportReader.HeaderSearchRows && (header = Header(row)) is not null)
                {
                    anyHeader = true;
                }

                continue;
            }

            DataRows++;
            yield return new NamedRow(row.Sheet, row.Line, header.ToDictionary(h => h.Key, h => row.Cell(h.Value).Trim(), StringComparer.Ordinal));
        }

        if (!anyHeader)
        {
            rejects.Add(new SourcePosition(sheet, 1, null), RejectRule.MissingColumn, null,
                $"前 {ReportReader.HeaderSearchRows} 行中找不到表头（需要 {keyColumn} 列）/ no header row with a {keyColumn} column in the first {ReportReader.HeaderSearchRows} rows");
        }
    }

    private Dictionary<string, int>? Header(RawRow row)
    {
        var normalized = row.Cells.Select(HeaderText.WithoutUnit).ToList();
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, spellings) in columns)
        {
            var index = ColumnNames.IndexOf(normalized, spellings);
            if (index >= 0)
            {
                map[name] = index;
            }
        }

        return map.ContainsKey(keyColumn) ? map : null;
    }
}
