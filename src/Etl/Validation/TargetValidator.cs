using Governance.Etl.Readers;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>
/// The rules of a target row: known area valid in the period, known indicator (derived ones too: targets are set on
/// weak-village counts and coverage rates), a period no finer than the indicator's, a number in range.
/// </summary>
public sealed class TargetValidator(IndicatorLookup indicators, AreaLookup areas, RejectCollector rejects)
{
    private readonly FactValidator _periods = new(indicators, areas, rejects);

    public (int AreaSk, int IndicatorSk, int PeriodSk, decimal Target)? Validate(NamedRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var indicatorText = row[TargetColumns.Indicator];
        if (indicators.Find(indicatorText) is not { } indicator)
        {
            return Reject(TargetColumns.Indicator, RejectRule.UnknownIndicator, indicatorText, Messages.UnknownIndicator(indicatorText));
        }

        var periodText = row[TargetColumns.Period];
        if (_periods.Period(periodText) is not { } period)
        {
            return Reject(TargetColumns.Period, RejectRule.PeriodMalformed, periodText, Messages.PeriodMalformed(periodText));
        }

        if (period.Grain > indicator.NativeGrain)
        {
            return Reject(TargetColumns.Period, RejectRule.PeriodTooFine, periodText, Messages.PeriodTooFine(indicator, period));
        }

        var code = row[TargetColumns.AreaCode];
        if (!areas.Contains(code))
        {
            return Reject(TargetColumns.AreaCode, RejectRule.UnknownArea, code, Messages.UnknownArea(code));
        }

        if (areas.ValidIn(code, period) is not { } area)
        {
            return Reject(TargetColumns.AreaCode, RejectRule.AreaNotValidInPeriod, code, Messages.AreaNotValid(code, period, areas.Versions(code)));
        }

        var text = row[TargetColumns.Target];
        if (!NumberText.TryParse(text, out var target))
        {
            return Reject(TargetColumns.Target, RejectRule.ValueNotANumber, text, Messages.NotANumber(text));
        }

        var inRange = indicator.IsDerived ? target >= 0 && target <= NumberText.Limit : FactValidator.InRange(indicator, target);
        if (!inRange)
        {
            return Reject(TargetColumns.Target, RejectRule.ValueOutOfRange, text, Messages.OutOfRange(indicator, target));
        }

        return (area.AreaSk, indicator.IndicatorSk, PeriodSurrogateKey.Of(period), target);

        (int, int, int, decimal)? Reject(string column, string rule, string raw, string message)
        {
            rejects.Add(row.At(column), rule, raw, message);
            return null;
        }
    }
}
