using Governance.Warehouse.Querying.Planning;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Sources;

/// <summary>
/// The facts as a source of grouped rows (<see cref="GroupQueries"/> over <see cref="UnitFacts"/>): covers every plan,
/// so <see cref="SourcePlanner"/> falls back to it when no other source covers one.
/// </summary>
internal sealed class FactSource : IGroupSource
{
    public string Name => "facts";

    public ValueTask<bool> CoversAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, SourceNeeds needs, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    public async Task<IReadOnlyList<GroupTotal>> TotalsAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, bool countUnits, CancellationToken cancellationToken) =>
        await TotalsQuery(db, scope, plan, countUnits).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ExpectedUnits>> ExpectedAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken) =>
        await GroupQueries.Expected(db, scope, plan).ToListAsync(cancellationToken);

    /// <summary>
    /// When each fact is already one unit's whole value (<see cref="SourcePlanner.FactsAreUnitValues"/>), the facts
    /// themselves, with nothing grouped; else the sums of the grouped query.
    /// </summary>
    public async Task<IReadOnlyList<double>> AreaValuesAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken) =>
        SourcePlanner.FactsAreUnitValues(PlanShape.Of(scope, plan, SourceNeeds.Values))
            ? await UnitFacts.UnitValues(db, scope, plan).ToListAsync(cancellationToken)
            : await TotalsQuery(db, scope, plan, countUnits: false).Select(t => t.Sum).ToListAsync(cancellationToken);

    /// <summary>The grouped query itself, for the pager that sorts and pages it in the database (<see cref="SourcePlanner.PagesInDatabase(IndicatorPlan)"/>).</summary>
    public static IQueryable<GroupTotal> TotalsQuery(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, bool countUnits) =>
        GroupQueries.Totals(db, scope, plan, countUnits);
}
