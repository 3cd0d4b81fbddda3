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
    private readonly int _name;
    private readonly IReadOnlyList<(int Index, string Header, string Code)> _indicatorColumns;
    private ReportColumns? _longColumns;
    private ReportColumns[]? _wideColumns;

    private ReportLayout(IReadOnlyList<string> headers, IReadOnlyList<string> normalized, IReadOnlyList<(int, string, string)> indicatorColumns)
    {
        Headers = headers;
        _area = ColumnNames.IndexOf(normalized, ColumnNames.AreaCode);
        _period = ColumnNames.IndexOf(normalized, ColumnNames.Period);
        _indicator = ColumnNames.IndexOf(normalized, ColumnNames.Indicator);
        _value = ColumnNames.IndexOf(normalized, ColumnNames.Value);
        _status = ColumnNames.IndexOf(normalized, ColumnNames.Status);
        _note = ColumnNames.IndexOf(normalized, ColumnNames.Note);
        _name = ColumnNames.IndexOf(normalized, ColumnNames.AreaName);
        _indicatorColumns = indicatorColumns;
    }

    public IReadOnlyList<string> Headers { get; }

    public bool IsLong => _indicator >= 0 && _value >= 0;

    public bool HasPeriodColumn => _period >= 0;

    private string PeriodHeader => _period >= 0 ? Headers[_period] : "--period";

    private string? NameHeader => _name >= 0 ? Headers[_name] : null;

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
        var name = _name >= 0 && row.Cell(_name).Trim() is { Length: > 0 } n ? n : null;
        if (IsLong)
        {
            var columns = _longColumns ??= new ReportColumns(Headers[_area], PeriodHeader, Headers[_indicator], NameHeader);
            yield return new ReportEntry(new SourcePosition(row.Sheet, row.Line, Headers[_value]), columns, area, period, row.Cell(_indicator).Trim(), row.Cell(_value).Trim(), status, note, name);
            yield break;
        }

        _wideColumns ??= [.. _indicatorColumns.Select(c => new ReportColumns(Headers[_area], PeriodHeader, c.Header, NameHeader))];
        for (var i = 0; i < _indicatorColumns.Count; i++)
        {
            var (index, header, code) = _indicatorColumns[i];
            var value = row.Cell(index).Trim();
            if (value.Length > 0)
            {
                yield return new ReportEntry(new SourcePosition(row.Sheet, row.Line, header), _wideColumns[i], area, period, code, value, status, note, name);
            }
        }
    }

    private static bool IsKnownColumn(string normalized) =>
        ColumnNames.AreaCode.Contains(normalized) || ColumnNames.Period.Contains(normalized) || ColumnNames.Status.Contains(normalized)
        || ColumnNames.Note.Contains(normalized) || ColumnNames.AreaName.Contains(normalized) || ColumnNames.Ignored.Contains(normalized);
}
