using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>Turns indicator codes into plans, refusing unknown codes and grains finer than an indicator's own.</summary>
internal static class IndicatorPlanner
{
    public static async Task<IReadOnlyList<IndicatorPlan>> PlanAsync(WarehouseDbContext db, IReadOnlyList<string> codes, PeriodGrain grain, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            throw new QueryRuleException(QueryRuleException.BadRequest, "Name at least one indicator.");
        }

        var catalogue = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal, cancellationToken);
        return codes.Distinct(StringComparer.Ordinal).Select(code => Plan(catalogue, code, grain)).ToList();
    }

    public static IndicatorPlan Plan(IReadOnlyDictionary<string, Indicator> catalogue, string code, PeriodGrain grain)
    {
        var indicator = Find(catalogue, code);
        if (grain > indicator.NativeGrain)
        {
            throw new QueryRuleException(
                QueryRuleException.GrainTooFine,
                $"Indicator {code} is reported per {indicator.NativeGrain.ToString().ToUpperInvariant()}; a {grain.ToString().ToUpperInvariant()} grain is finer than that.");
        }

        QueryInput Input(int role, string? baseCode, bool yearToDate = false)
        {
            var input = Find(catalogue, baseCode ?? code);
            var mode = grain > input.NativeGrain ? WindowMode.Containing : yearToDate ? WindowMode.YearToDate : WindowMode.Inside;
            return new QueryInput(role, input, mode);
        }

        IReadOnlyList<QueryInput> inputs = indicator.AreaAggregation switch
        {
            AreaAggregation.Ratio => [Input(0, indicator.NumeratorCode, indicator.NumeratorYearToDate), Input(1, indicator.DenominatorCode)],
            AreaAggregation.CountMeetingThreshold or AreaAggregation.ShareMeetingThreshold =>
                [Input(0, indicator.NumeratorCode) with { ThresholdParameter = indicator.ThresholdParameter, Comparison = indicator.ThresholdComparison }],
            AreaAggregation.WeightedAverage => [Input(0, indicator.NumeratorCode) with { Weight = Find(catalogue, indicator.WeightCode!) }],
            AreaAggregation.PerReportingUnit => [Input(0, indicator.NumeratorCode)],
            _ => [Input(0, null)],
        };
        return new IndicatorPlan(indicator, inputs);
    }

    private static Indicator Find(IReadOnlyDictionary<string, Indicator> catalogue, string code) =>
        catalogue.TryGetValue(code, out var indicator)
            ? indicator
            : throw new QueryRuleException(QueryRuleException.UnknownIndicator, $"No indicator has the code '{code}'. The catalogue is at query {{ indicators {{ code name }} }}.");
}
