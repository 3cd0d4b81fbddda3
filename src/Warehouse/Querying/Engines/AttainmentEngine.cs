using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Querying.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Engines;

/// <summary>Targets (fct_target) of the areas at a level against their actual values, with the year the trend meets them.</summary>
public sealed class AttainmentEngine
{
    private readonly QueryContexts _contexts;
    private readonly GroupEvaluator _evaluator;

    internal AttainmentEngine(QueryContexts contexts, GroupEvaluator evaluator)
    {
        _contexts = contexts;
        _evaluator = evaluator;
    }

    public const int TrendYears = 5;

    public async Task<IReadOnlyList<Attainment>> QueryAsync(AttainmentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (indicator, period, level, within) = request;
        await using var db = await _contexts.CreateAsync(cancellationToken);
        var plan = (await IndicatorPlanner.PlanAsync(db, [indicator], period.Grain, cancellationToken))[0];
        var prefix = await AreaScope.PrefixAsync(db, within, level, request.Caller, cancellationToken);
        var (first, last) = AreaScope.CodeRange(prefix);
        var periodSk = PeriodSurrogateKey.Of(period);
        var indicatorSk = plan.Indicator.IndicatorSk;
        var targets = await (
            from t in db.Targets.AsNoTracking()
            join a in AreaScope.Visible(db, request.Caller) on t.AreaSk equals a.AreaSk
            where t.IndicatorSk == indicatorSk && t.PeriodSk == periodSk && a.Level == level && a.AreaCode.CompareTo(first) >= 0 && a.AreaCode.CompareTo(last) <= 0
            select new { a.AreaCode, t.TargetValue, Area = a }).ToListAsync(cancellationToken);

        var scope = new QueryScope(prefix, level, period.Grain, period.Start, period.End, AreaStructure.AsReported) { Caller = request.Caller };
        var actual = (await _evaluator.EvaluateAsync(db, scope, plan, ObservationParts.None, includeNonReporting: false, cancellationToken))
            .ToDictionary(o => o.AreaCode, o => o.Value, StringComparer.Ordinal);
        var yearly = (await IndicatorPlanner.PlanAsync(db, [indicator], PeriodGrain.Year, cancellationToken))[0];
        var historyScope = scope with { Grain = PeriodGrain.Year, Start = new DateOnly(period.Year - TrendYears + 1, 1, 1), End = new DateOnly(period.Year, 12, 31) };
        var history = (await _evaluator.EvaluateAsync(db, historyScope, yearly, ObservationParts.None, includeNonReporting: false, cancellationToken))
            .Where(o => o.Value is not null)
            .ToLookup(o => o.AreaCode, StringComparer.Ordinal);

        var lowerIsBetter = Attainment.IsLowerBetter(plan.Indicator);
        return targets
            .OrderBy(t => t.AreaCode, StringComparer.Ordinal)
            .Select(t =>
            {
                var points = history[t.AreaCode].OrderBy(o => o.Period.Year).Select(o => (o.Period.Year, o.Value!.Value)).ToList();
                var (value, from) = actual.GetValueOrDefault(t.AreaCode) is { } v
                    ? (v, period)
                    : points.Count > 0 ? (points[^1].Value, PeriodKey.ForYear(points[^1].Year)) : ((double?)null, (PeriodKey?)null);
                return new Attainment(t.AreaCode, indicator, period, (double)t.TargetValue, value, lowerIsBetter, new GrowthTrend(points))
                {
                    Area = t.Area,
                    ActualPeriod = from,
                };
            })
            .ToList();
    }
}
