using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying;

/// <summary>
/// Distributions: the grouped query at the requested level returns one value per area (the indicator's rules applied
/// per area), and only those values come back to compute quantiles, Gini and bands.
/// </summary>
public sealed class DistributionEngine(IDbContextFactory<WarehouseDbContext> factory)
{
    public async Task<Distribution> QueryAsync(DistributionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var plan = (await IndicatorPlanner.PlanAsync(db, [request.Indicator], request.Period.Grain, cancellationToken))[0];
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, cancellationToken);
        var scope = new QueryScope(prefix, request.Level, request.Period.Grain, request.Period.Start, request.Period.End, AreaStructure.AsReported);
        var values = UnitFacts.UnitValues(db, scope, plan) is { } facts
            ? await facts.ToListAsync(cancellationToken) // each fact is a unit's value: nothing to group
            : plan is { Indicator.AreaAggregation: AreaAggregation.Sum, Inputs.Count: 1 }
            ? await GroupQueries.Totals(db, scope, plan, countUnits: false).Select(t => t.Sum).ToListAsync(cancellationToken) // a sum per area: the values alone
            : (await ObservationEngine.EvaluateAsync(db, scope, plan, ObservationParts.None, includeNonReporting: false, cancellationToken))
                .Where(r => r.Value is not null).Select(r => r.Value!.Value).ToList();
        var isMoney = plan.Indicator.Unit == "万元";
        var breaks = request.Breaks ?? (isMoney ? DistributionRequest.IncomeBreaks : []);
        return Distribution.Of(values, breaks, request.ZeroBand ?? (isMoney && request.Breaks is null));
    }
}
