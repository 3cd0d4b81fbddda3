using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;

namespace Governance.Api.Schema.Areas;

/// <summary>The arguments of <c>series</c>, checked against the indicator: a base indicator, a grain not finer than its own, a period range.</summary>
public sealed record SeriesRequest(int IndicatorSk, TimeAggregation TimeAggregation, PeriodGrain NativeGrain, PeriodGrain Grain, DateOnly From, DateOnly To)
{
    public static SeriesRequest Create(Indicator indicator, PeriodGrain? grain, string? from, string? to)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (indicator.IsDerived || indicator.TimeAggregation is not { } time)
        {
            throw new QueryRuleException(QueryRuleException.BadRequest,
                $"{indicator.IndicatorCode} is derived; 'series' returns reported base values: ask 'observations' for derived indicators.");
        }

        var wanted = grain ?? indicator.NativeGrain;
        if (wanted > indicator.NativeGrain)
        {
            throw new QueryRuleException(QueryRuleException.GrainTooFine,
                $"{indicator.IndicatorCode} is reported by {indicator.NativeGrain.ToString().ToUpperInvariant()}; {wanted.ToString().ToUpperInvariant()} is finer than that.");
        }

        return new SeriesRequest(indicator.IndicatorSk, time, indicator.NativeGrain, wanted, Parse(from, "from")?.Start ?? DateOnly.MinValue, Parse(to, "to")?.End ?? DateOnly.MaxValue);
    }

    private static PeriodKey? Parse(string? text, string argument) =>
        text is null ? null
        : PeriodKey.TryParse(text, out var key) ? key
        : throw new QueryRuleException(QueryRuleException.BadPeriod, $"'{argument}' is '{text}', which is not a period; use 2023, 2023Q2 or 202305.");
}
