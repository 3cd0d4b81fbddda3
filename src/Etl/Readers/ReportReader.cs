using System.Runtime.CompilerServices;
using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>
/// Turns the rows of a report (CSV or every sheet of a workbook) into reported values: finds the header row of each
/// sheet (the first row with an area-code column, title rows above it skipped), then reads long or wide rows.
/// </summary>
public sealed class ReportReader(IndicatorLookup indicators, RejectCollector rejects)
{
    /// <summary>Non-blank rows searched for a header before a sheet is given up as not a report.</summary>
    public const int HeaderSearchRows = 20;

    /// <summary>Data rows read so far (header and blank rows excluded).</summary>
    public int DataRows { get; private set; }

    public async IAsyncEnumerable<ReportEntry> ReadAsync(TabularFile file, string? periodOverride, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        string? sheet = null;
        ReportLayout? layout = null;
        var searched = 0;
        var anyHeader = false;
        var skipSheet = false;
        var first = true;
        await foreach (var row in file.ReadRowsAsync(cancellationToken))
        {
            if (first || row.Sheet != sheet)
            {
                (first, sheet, layout, searched, skipSheet) = (false, row.Sheet, null, 0, false);
            }

            if (row.IsBlank || skipSheet)
            {
                continue;
            }

            if (layout is null)
            {
                if (searched++ < HeaderSearchRows && (layout = ReportLayout.TryRead(row, indicators, rejects)) is not null)
                {
                    anyHeader = true;
                    skipSheet = !HasPeriodSource(layout, row, periodOverride);
                }

                continue;
            }

            DataRows++;
            foreach (var entry in layout.Entries(row, periodOverride))
            {
                yield return entry;
            }
        }

        if (!anyHeader)
        {
            rejects.Add(new SourcePosition(sheet, 1, null), RejectRule.MissingColumn, null, Messages.NoHeader(HeaderSearchRows));
        }
    }

    private bool HasPeriodSource(ReportLayout layout, RawRow header, string? periodOverride)
    {
        if (layout.HasPeriodColumn || !string.IsNullOrWhiteSpace(periodOverride))
        {
            return true;
        }

        rejects.Add(new SourcePosition(header.Sheet, header.Line, null), RejectRule.MissingColumn, null, Messages.NoPeriod);
        return false;
    }
}
