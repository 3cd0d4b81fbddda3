using Governance.Etl.Readers;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>
/// The row rules of an indicator value: known indicator (not derived), a period at or above its native grain, an area
/// valid in that period and of the kind that reports it, a number within range. The first rule broken is recorded.
/// A rule about the row's own cells (area code, period, status) is recorded once per row, however many indicator cells
/// of a wide row it keeps out; the rules of a value's cell once per cell. The row's name cell, when there is one, is
/// compared with the area's names once per row (<see cref="AreaNameCheck"/>).
/// </summary>
public sealed class FactValidator(IndicatorLookup indicators, AreaLookup areas, RejectCollector rejects, AreaNameCheck? names = null)
{
    private readonly Dictionary<string, PeriodKey?> _periods = new(StringComparer.Ordinal);
    private readonly List<(string Rule, int Reason)> _rowRejects = [];
    private (string? Sheet, int Line) _row = (null, -1);
    private bool _rowNameChecked;

    public StagedFact? Validate(ReportEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var at = entry.At;
        if (at.Line != _row.Line || !string.Equals(at.Sheet, _row.Sheet, StringComparison.Ordinal))
        {
            (_row, _rowNameChecked) = ((at.Sheet, at.Line), false);
            _rowRejects.Clear();
        }

        var (atArea, atPeriod, atIndicator) = (at with { Column = entry.Columns.Area }, at with { Column = entry.Columns.Period }, at with { Column = entry.Columns.Indicator });
        if (indicators.Find(entry.Indicator) is not { } indicator)
        {
            return Reject(atIndicator, RejectRule.UnknownIndicator, entry.Indicator, Messages.UnknownIndicator(entry.Indicator));
        }

        if (indicator.IsDerived)
        {
            return Reject(atIndicator, RejectRule.DerivedIndicator, entry.Indicator, Messages.DerivedIndicator(indicator));
        }

        if (Period(entry.Period) is not { } period)
        {
            return RejectRow(0, atPeriod, RejectRule.PeriodMalformed, entry.Period, Messages.PeriodMalformed(entry.Period));
        }

        if (period.Grain > indicator.NativeGrain)
        {
            return RejectRow((int)indicator.NativeGrain, atPeriod, RejectRule.PeriodTooFine, entry.Period, Messages.PeriodTooFine(indicator, period));
        }

        if (!areas.Contains(entry.AreaCode))
        {
            return RejectRow(0, atArea, RejectRule.UnknownArea, entry.AreaCode, Messages.UnknownArea(entry.AreaCode));
        }

        if (areas.ValidIn(entry.AreaCode, period) is not { } area)
        {
            return RejectRow(0, atArea, RejectRule.AreaNotValidInPeriod, entry.AreaCode, Messages.AreaNotValid(entry.AreaCode, period, areas.Versions(entry.AreaCode)));
        }

        if (!Describe.Reports(indicator.CaptureLevel, area.Kind))
        {
            return RejectRow((int)indicator.CaptureLevel, atArea, RejectRule.WrongCaptureLevel, entry.AreaCode, Messages.WrongCaptureLevel(indicator, area));
        }

        if (names is not null && entry.Name is { } name && !_rowNameChecked)
        {
            _rowNameChecked = true;
            names.Check(at, entry.Columns.Name ?? "name", name, area, period);
        }

        if (!NumberText.TryParse(entry.Value, out var value))
        {
            return Reject(at, RejectRule.ValueNotANumber, entry.Value, Messages.NotANumber(entry.Value));
        }

        if (!InRange(indicator, value))
        {
            return Reject(at, RejectRule.ValueOutOfRange, entry.Value, Messages.OutOfRange(indicator, value));
        }

        if (!StatusText.TryParse(entry.Status, out var status))
        {
            return RejectRow(0, at with { Column = "status" }, RejectRule.UnknownStatus, entry.Status, Messages.UnknownStatus(entry.Status ?? ""));
        }

        var whole = indicator.PartOfCode is { } code && indicators.ByCode.TryGetValue(code, out var w) ? w : null;
        return new StagedFact(at, entry.Value, area.AreaSk, PeriodSurrogateKey.Of(period), indicator.IndicatorSk, value, status,
            string.IsNullOrEmpty(entry.Note) ? null : entry.Note[..Math.Min(400, entry.Note.Length)],
            whole?.IndicatorSk, whole is null ? null : PeriodSurrogateKey.Of(Enclosing(period, whole.NativeGrain)));
    }

    public static bool InRange(Indicator indicator, decimal value)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.IsFlag)
        {
            return value is 0m or 1m;
        }

        return Math.Abs(value) <= NumberText.Limit
            && (indicator.MinValue is not { } min || value >= min)
            && (indicator.MaxValue is not { } max || value <= max);
    }

    /// <summary>Parses a period and checks it is one the warehouse holds (the seeded years).</summary>
    public PeriodKey? Period(string? text)
    {
        var key = text ?? string.Empty;
        if (!_periods.TryGetValue(key, out var period))
        {
            period = PeriodKey.TryParse(key, out var parsed) && parsed.Value.Year is >= WarehouseSeeder.FirstYear and <= WarehouseSeeder.LastYear ? parsed : null;
            _periods[key] = period;
        }

        return period;
    }

    /// <summary>The period of the given grain that contains this one (itself when the grain is not coarser).</summary>
    public static PeriodKey Enclosing(PeriodKey period, PeriodGrain grain)
    {
        var current = period;
        while (current.Grain > grain && current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    private StagedFact? Reject(SourcePosition at, string rule, string? raw, string message)
    {
        rejects.Add(at, rule, raw, message);
        return null;
    }

    /// <summary>
    /// A rule about the row's own cells: recorded for the first indicator cell of the row that breaks it, for the same
    /// reason (<paramref name="reason"/>: the native grain or capture level a cell's indicator asks for, else 0).
    /// </summary>
    private StagedFact? RejectRow(int reason, SourcePosition at, string rule, string? raw, string message)
    {
        if (_rowRejects.Contains((rule, reason)))
        {
            return null;
        }

        _rowRejects.Add((rule, reason));
        return Reject(at, rule, raw, message);
    }
}
