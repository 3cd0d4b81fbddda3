using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Querying.Statistics;

namespace Governance.Warehouse.Querying.Engines;

/// <summary>
/// Evaluates one indicator plan over a scope: its grouped rows (totals of its inputs, and the expected units when
/// needed), then the indicator's area rule per group and period, and growth over the few rows that come back. Shared by
/// the observation, distribution and attainment engines.
/// </summary>
internal sealed class GroupEvaluator(SourcePlanner planner)
{
    public async Task<IReadOnlyList<Observation>> EvaluateAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, ObservationParts parts, bool includeNonReporting, CancellationToken cancellationToken)
    {
        parts |= plan.ValueParts;
        plan = await ThresholdConstants.ResolveAsync(db, scope, plan, cancellationToken);
        var needs = new SourceNeeds(parts.HasFlag(ObservationParts.ReportingUnits), includeNonReporting || parts.HasFlag(ObservationParts.ExpectedUnits));
        var source = await planner.ForAsync(db, scope, plan, needs, cancellationToken);
        var totals = KeptScale.Round(plan, await source.TotalsAsync(db, scope, plan, needs.ReportingUnits, cancellationToken));
        var expected = needs.ExpectedUnits
            ? (await source.ExpectedAsync(db, scope, plan, cancellationToken)).ToDictionary(e => (e.GroupCode, e.PeriodKey), e => e.Count)
            : [];
        var byKey = totals.ToLookup(t => (t.GroupCode, t.PeriodKey));
        var keys = byKey.Select(g => g.Key);
        if (includeNonReporting)
        {
            keys = keys.Union(expected.Keys);
        }

        var code = plan.Indicator.IndicatorCode;
        var values = keys.Select(key =>
        {
            var main = byKey[key].FirstOrDefault(t => t.Role == 0);
            var second = byKey[key].FirstOrDefault(t => t.Role == 1);
            var units = expected.GetValueOrDefault(key);
            var (value, numerator, denominator) = plan.Evaluate(main, second, units);
            return new Observation(QueryScope.PadCode(key.GroupCode), PeriodKey.Parse(key.PeriodKey), code, value, numerator, denominator, main?.Units ?? 0, units) { Indicator = plan.Indicator };
        }).ToDictionary(o => (o.AreaCode, o.Period));

        var bases = values.ToDictionary(v => v.Key, v => v.Value.Value);
        var rows = parts.HasFlag(ObservationParts.Growth) ? values.Values.Select(o => WithGrowth(o, bases)) : values.Values;
        return rows
            .OrderBy(o => o.AreaCode, StringComparer.Ordinal)
            .ThenBy(o => o.Period.Start)
            .ToList();
    }

    /// <summary>A row with its previous value, growth and change, from the values of its area in the periods before it.</summary>
    public static Observation WithGrowth(Observation row, IReadOnlyDictionary<(string AreaCode, PeriodKey Period), double?> values)
    {
        var previous = values.GetValueOrDefault((row.AreaCode, PeriodMath.Previous(row.Period)));
        var yearEarlier = values.GetValueOrDefault((row.AreaCode, PeriodMath.YearEarlier(row.Period)));
        return row with
        {
            PreviousValue = previous,
            PeriodGrowth = PeriodMath.Growth(row.Value, previous),
            YoyGrowth = PeriodMath.Growth(row.Value, yearEarlier),
            Change = PeriodMath.Change(row.Value, previous),
            YoyChange = PeriodMath.Change(row.Value, yearEarlier),
        };
    }
}
