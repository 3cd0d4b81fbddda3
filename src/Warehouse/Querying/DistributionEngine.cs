using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Rollups;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying;

/// <summary>
/// Distributions: the grouped query at the requested level returns one value per area (the indicator's rules applied
/// per area), and only those values come back to compute quantiles, Gini and bands. The default distribution of a
/// summed indicator's unit values (no custom bands) inside an area the caller sees whole is read from the roll-up the
/// ETL keeps (<see cref="DistributionRollups"/>): one row, not every village.
/// </summary>
public sealed class DistributionEngine
{
    private readonly QueryContexts _contexts;
    private readonly GroupEvaluator _evaluator;

    internal DistributionEngine(QueryContexts contexts, GroupEvaluator evaluator)
    {
        _contexts = contexts;
        _evaluator = evaluator;
    }

    public async Task<Distribution> QueryAsync(DistributionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await _contexts.CreateAsync(cancellationToken);
        var plan = (await IndicatorPlanner.PlanAsync(db, [request.Indicator], request.Period.Grain, cancellationToken))[0];
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, request.Caller, cancellationToken);
        var scope = new QueryScope(prefix, request.Level, request.Period.Grain, request.Period.Start, request.Period.End, AreaStructure.AsReported) { Caller = request.Caller };
        var facts = UnitFacts.UnitValues(db, scope, plan);
        if (facts is not null && request is { Breaks: null, ZeroBand: null } && CallerSeesAll(prefix, request.Caller)
            && await DistributionRollups.ReadAsync(db, plan.Indicator, WarehouseSeeder.PeriodSk(request.Period), prefix, cancellationToken) is { } rolledUp)
        {
            return rolledUp; // the default distribution of one unit value per fact, kept by the ETL
        }

        var values = facts is not null
            ? await facts.ToListAsync(cancellationToken) // each fact is a unit's value: nothing to group
            : plan is { Indicator.AreaAggregation: AreaAggregation.Sum, Inputs.Count: 1 }
            ? await GroupQueries.Totals(db, scope, plan, countUnits: false).Select(t => t.Sum).ToListAsync(cancellationToken) // a sum per area: the values alone
            : (await _evaluator.EvaluateAsync(db, scope, plan, ObservationParts.None, includeNonReporting: false, cancellationToken))
                .Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        var (defaultBreaks, defaultZero) = DistributionRequest.DefaultBands(plan.Indicator);
        return Distribution.Of(values, request.Breaks ?? defaultBreaks, request.ZeroBand ?? (defaultZero && request.Breaks is null));
    }

    /// <summary>Whether the caller's scope holds every unit inside the prefix, so that an aggregate over all of them is theirs to see.</summary>
    private static bool CallerSeesAll(string prefix, AccessScope? caller) =>
        caller is not { IsEverything: false } scope || scope.Prefixes.Any(p => prefix.StartsWith(p, StringComparison.Ordinal));
}
