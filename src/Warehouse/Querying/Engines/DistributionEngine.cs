using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Querying.Statistics;
using Governance.Warehouse.Rollups;

namespace Governance.Warehouse.Querying.Engines;

/// <summary>
/// Distributions: the grouped query at the requested level returns one value per area (the indicator's rules applied
/// per area), and only those values come back to compute quantiles, Gini and bands. The default distribution of a
/// summed indicator's unit values (no custom bands) inside an area the caller sees whole is read from the roll-up the
/// ETL keeps (<see cref="DistributionRollups"/>): one row, not every village, while the roll-ups are in use
/// (<see cref="SourcePlanner.UsesRollups"/>). <see cref="SourcePlanner.ValuesFor"/> decides.
/// </summary>
public sealed class DistributionEngine
{
    private readonly QueryContexts _contexts;
    private readonly GroupEvaluator _evaluator;
    private readonly SourcePlanner _planner;

    internal DistributionEngine(QueryContexts contexts, GroupEvaluator evaluator, SourcePlanner planner)
    {
        _contexts = contexts;
        _evaluator = evaluator;
        _planner = planner;
    }

    public async Task<Distribution> QueryAsync(DistributionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await _contexts.CreateAsync(cancellationToken);
        var plan = (await IndicatorPlanner.PlanAsync(db, [request.Indicator], request.Period.Grain, cancellationToken))[0];
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, request.Caller, cancellationToken);
        var scope = new QueryScope(prefix, request.Level, request.Period.Grain, request.Period.Start, request.Period.End, AreaStructure.AsReported) { Caller = request.Caller };
        var path = SourcePlanner.ValuesFor(scope, plan, defaultBands: request is { Breaks: null, ZeroBand: null });
        if (path == DistributionPath.Precomputed
            && _planner.UsesRollups
            && await DistributionRollups.ReadAsync(db, plan.Indicator, PeriodSurrogateKey.Of(request.Period), prefix, cancellationToken) is { } rolledUp)
        {
            return rolledUp; // the default distribution of one unit value per fact, kept by the ETL
        }

        var values = path != DistributionPath.Evaluated
            ? KeptScale.Round(plan, await (await _planner.ForAsync(db, scope, plan, SourceNeeds.Values, cancellationToken)).AreaValuesAsync(db, scope, plan, cancellationToken)) // a value per area: nothing else
            : (await _evaluator.EvaluateAsync(db, scope, plan, ObservationParts.None, includeNonReporting: false, cancellationToken))
                .Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        var (defaultBreaks, defaultZero) = DistributionRequest.DefaultBands(plan.Indicator);
        return Distribution.Of(values, request.Breaks ?? defaultBreaks, request.ZeroBand ?? (defaultZero && request.Breaks is null));
    }
}
