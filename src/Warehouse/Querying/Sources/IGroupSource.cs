using Governance.Warehouse.Querying.Planning;

namespace Governance.Warehouse.Querying.Sources;

/// <summary>
/// A source of the grouped rows behind an indicator plan: the facts (<see cref="FactSource"/>, which covers every plan)
/// or a store kept beside them (<see cref="Rollups.RollupSource"/>). <see cref="SourcePlanner"/> asks each registered
/// source in turn whether it <see cref="CoversAsync"/> a plan and uses the first that does; the facts answer the rest.
/// A source must answer exactly as the facts would: the same groups, periods, sums, weights, conditional counts and unit
/// counts (sums compared at the scale their inputs are kept at, <see cref="KeptScale"/>).
/// </summary>
internal interface IGroupSource
{
    /// <summary>A short name for logs and tests: <c>facts</c>, <c>rollups</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Whether this source answers the plan over the scope with what is needed. <see cref="PlanShape.Of"/> names every
    /// input of the rule that the request says (level against unit level, grain against native grain, period range,
    /// structure, thresholds in force, unit counts needed, the request's units, the caller's scope); what only the
    /// database knows (whether a store is current, which inputs it holds) a source reads through <paramref name="db"/>,
    /// once per request (<see cref="Rollups.RollupSource"/> keeps a snapshot), so asking twice gives the same answer.
    /// </summary>
    ValueTask<bool> CoversAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, SourceNeeds needs, CancellationToken cancellationToken);

    /// <summary>
    /// Per group (the code prefix of <see cref="QueryScope.KeyLength"/>), target period and input role, the totals of the
    /// plan's inputs; <see cref="GroupTotal.Units"/> (the distinct reporting units) only when <paramref name="countUnits"/>.
    /// </summary>
    Task<IReadOnlyList<GroupTotal>> TotalsAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, bool countUnits, CancellationToken cancellationToken);

    /// <summary>Per group and target period, the units of the plan's kinds expected to report (valid in the period).</summary>
    Task<IReadOnlyList<ExpectedUnits>> ExpectedAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken);

    /// <summary>
    /// The value of each area at <see cref="QueryScope.Level"/> of a summed plan, in any order (a distribution's
    /// values): the sums of <see cref="TotalsAsync"/> without their keys.
    /// </summary>
    Task<IReadOnlyList<double>> AreaValuesAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken);
}
