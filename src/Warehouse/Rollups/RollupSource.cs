using Governance.Warehouse.Querying;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// The roll-ups as a source of grouped rows (<see cref="RollupReader"/> over <c>agg_total</c> and <c>agg_expected</c>),
/// registered before the facts by <see cref="QueryEngineServiceCollectionExtensions.AddQueryEngine"/> while
/// <c>Warehouse:Rollups:Use</c> is on. It covers a plan when the request's side of the rule holds
/// (<see cref="RollupReader.Covers(PlanShape)"/>: as reported, no page of units, rows above the unit level, the caller's
/// prefixes whole at the level) and the database's side does (<see cref="RollupSnapshot"/>: current, every input kept at
/// the grain, and the expected units, when needed, inside the kept years). CURRENT structure always falls back to the
/// facts. The snapshot is read once per request (this source is scoped) through the first context that asks, and shared
/// by every plan and engine of the request, also by resolvers running at once.
/// </summary>
internal sealed class RollupSource : IGroupSource
{
    private readonly Lock _lock = new();
    private Task<RollupSnapshot>? _snapshot;

    public string Name => "rollups";

    public async ValueTask<bool> CoversAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, SourceNeeds needs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(needs);
        if (!RollupReader.Covers(PlanShape.Of(scope, plan, needs)))
        {
            return false;
        }

        var coverage = (await SnapshotAsync(db)).Cover(scope, plan);
        return coverage is not null && (coverage.Expected || !needs.ExpectedUnits);
    }

    public async Task<IReadOnlyList<GroupTotal>> TotalsAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, bool countUnits, CancellationToken cancellationToken) =>
        await RollupReader.Totals(db, scope, plan, await CoverageAsync(db, scope, plan), countUnits).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<ExpectedUnits>> ExpectedAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken)
    {
        if (!(await CoverageAsync(db, scope, plan)).Expected)
        {
            throw new InvalidOperationException($"The roll-ups keep no expected units for {scope.Start.Year}..{scope.End.Year}; the planner should have chosen the facts.");
        }

        return await RollupReader.Expected(db, scope, plan).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<double>> AreaValuesAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken) =>
        await RollupReader.Totals(db, scope, plan, await CoverageAsync(db, scope, plan), countUnits: false).Select(t => t.Sum).ToListAsync(cancellationToken);

    private async Task<RollupCoverage> CoverageAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan) =>
        (await SnapshotAsync(db)).Cover(scope, plan)
        ?? throw new InvalidOperationException($"The roll-ups do not cover {plan.Indicator.IndicatorCode} at {scope.Grain}; the planner should have chosen the facts.");

    /// <summary>
    /// The request's snapshot, read once. Not cancelled by the first caller's token: others of the request may wait on it,
    /// and it is one small query.
    /// </summary>
    private Task<RollupSnapshot> SnapshotAsync(WarehouseDbContext db)
    {
        lock (_lock)
        {
            return _snapshot ??= RollupSnapshot.ReadAsync(db, CancellationToken.None);
        }
    }
}
