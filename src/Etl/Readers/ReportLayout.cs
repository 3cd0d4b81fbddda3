using Governance.Etl.Validation;

namespace Governance.Etl.Readers;

/// <summary>
/// What the header row of a report says: where the area code, period and (long format) indicator and value are, or
/// (wide format) which column holds which indicator.
/// </summary>
public sealed class ReportLayout
{
    private readonly int _area;
    private readonly int _period;
    private readonly int _indicator;
    private readonly int _value;
    private readonly int _status;
    private readonly int _note;
    private readonly IReadOnlyList<(int Index, string Header, string Code)> _indicatorColumns;
    private ReportColumns? _longColumns;

    private ReportLayout(IReadOnlyList<string> headers, IReadOnlyList<string> normalized, IReadOnlyList<(int, string, string)> indicatorColumns)
    {
        Headers = headers;
        _area = ColumnNames.IndexOf(normalized, ColumnNames.AreaCode);
        _period = ColumnNames.IndexOf(normalized, ColumnNames.Period);
        _indicator = ColumnNames.IndexOf(normalized, ColumnNames.Indicator);
        _value = ColumnNames.IndexOf(normalized, ColumnNames.Value);
        _status = ColumnNames.IndexOf(normalized, ColumnNames.Status);
        _note = ColumnNames.IndexOf(normalized, ColumnNames.Note);
        _indicatorColumns = indicatorColumns;
    }

    public IReadOnlyList<string> Headers { get; }

    public bool IsLong => _indicator >= 0 && _value >= 0;

    public bool HasPeriodColumn => _period >= 0;

    private string PeriodHeader => _period >= 0 ? Headers[_period] : "--period";

    /// <summary>A layout when the row holds an area-code header; unknown indicator headers of a wide row are rejected.</summary>
    public static ReportLayout? TryRead(RawRow row, IndicatorLookup indicators, RejectCollector rejects)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(indicators);
        ArgumentNullException.ThrowIfNull(rejects);
        var normalized = row.Cells.Select(HeaderText.WithoutUnit).ToList();
        if (ColumnNames.IndexOf(normalized, ColumnNames.AreaCode) < 0)
        {
            return null;
        }

        var isLong = ColumnNames.IndexOf(normalized, ColumnNames.Indicator) >= 0 && ColumnNames.IndexOf(normalized, ColumnNames.Value) >= 0;
        var columns = new List<(int, string, string)>();
        for (var i = 0; !isLong && i < normalized.Count; i++)
        {
            if (normalized[i].Length == 0 || IsKnownColumn(normalized[i]))
            {
                continue;
            }

            var header = row.Cells[i].Trim();
            if (indicators.Find(header) is { } indicator)
            {
                columns.Add((i, header, indicator.IndicatorCode));
            }
            else
            {
                rejects.Add(new SourcePosition(row.Sheet, row.Line, header), RejectRule.UnknownIndicator, header, Messages.UnknownIndicator(header));
            }
        }

        return new ReportLayout(row.Cells.Select(c => c.Trim()).ToList(), normalized, columns);
    }

    /// <summary>The values of a data row (blank indicator cells of a wide row are not reported values and yield nothing).</summary>
    public IEnumerable<ReportEntry> Entries(RawRow row, string? periodOverride)
    {
        ArgumentNullException.ThrowIfNull(row);
        var area = row.Cell(_area).Trim();
        var period = _period >= 0 && !string.IsNullOrWhiteSpace(row.Cell(_period)) ? row.Cell(_period).Trim() : periodOverride;
        var status = _status >= 0 ? row.Cell(_status).Trim() : null;
        var note = _note >= 0 ? row.Cell(_note).Trim() : null;
        if (IsLong)
        {
            var columns = _longColumns ??= new ReportColumns(Headers[_area], PeriodHeader, Headers[_indicator]);
            yield return new ReportEntry(new SourcePosition(row.Sheet, row.Line, Headers[_value]), columns, area, period, row.Cell(_indicator).Trim(), row.Cell(_value).Trim(), status, note);
            yield break;
        }

        foreach (var (index, header, code) in _indicatorColumns)
        {
            var value = row.Cell(index).Trim();
            if (value.Length > 0)
            {
                yield return new ReportEntry(new SourcePosition(row.Sheet, row.Line, header), new ReportColumns(Headers[_area], PeriodHeader, header), area, period, code, value, status, note);
            }
        }
    }

    private static bool IsKnownColumn(string normalized) =>
        ColumnNames.AreaCode.Contains(normalized) || ColumnNames.Period.Contains(normalized) || ColumnNames.Status.Contains(normalized)
        || ColumnNames.Note.Contains(normalized) || ColumnNames.Ignored.Contains(normalized);
}
