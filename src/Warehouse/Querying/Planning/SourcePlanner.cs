using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Sources;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>
/// Decides, for each indicator plan of a request, where its grouped rows come from and by which path: the one rule of
/// the engine, over the named inputs of <see cref="PlanShape"/> (level against unit level, grain against native grain,
/// period range, structure, thresholds in force, reporting and expected unit counts needed, the request's units, the
/// caller's scope).
/// <list type="number">
/// <item><b>Source</b> (<see cref="For"/>): the registered <see cref="IGroupSource"/>s in registration order, the first
/// whose <see cref="IGroupSource.Covers"/> holds; the facts (<see cref="FactSource"/>) when none does. A roll-up source
/// is one more registration (<c>services.AddScoped&lt;IGroupSource, RollupSource&gt;()</c>), nothing else changes.</item>
/// <item><b>Facts as unit values</b> (<see cref="FactsAreUnitValues"/>): a plain sum, as reported, at its native grain
/// and at the level it is captured at, for the whole area (no page of units): each fact is one unit's value, nothing to
/// group.</item>
/// <item><b>Distribution values</b> (<see cref="ValuesFor"/>): the precomputed default distribution
/// (<see cref="Rollups.DistributionRollups"/>) when the facts are unit values, the bands are the default and the caller
/// sees the whole area; else the area values of the plan's source for a summed plan; else every group evaluated by its
/// rule.</item>
/// <item><b>Paging in the database</b> (<see cref="PagesInDatabase(ObservationRequest, IReadOnlyList{ObservationOrder}, ObservationFilter?)"/>
/// and <see cref="PagesInDatabase(IndicatorPlan)"/>): one summed village indicator, as reported, without
/// non-reporting rows or filters, sorted by value or not at all, is sorted and paged by the facts' SQL (a top N); the
/// rest is evaluated whole and sorted in memory. Rows at the unit level are the facts' own: no roll-up holds them.</item>
/// </list>
/// </summary>
internal sealed class SourcePlanner
{
    private readonly IReadOnlyList<IGroupSource> _sources;
    private readonly FactSource _facts;

    public SourcePlanner(IEnumerable<IGroupSource> sources, FactSource facts)
    {
        _sources = [.. sources.Where(s => s is not FactSource)];
        _facts = facts;
    }

    /// <summary>The source of the plan's grouped rows over the scope.</summary>
    public IGroupSource For(QueryScope scope, IndicatorPlan plan, SourceNeeds needs) =>
        _sources.FirstOrDefault(s => s.Covers(scope, plan, needs)) ?? _facts;

    /// <summary>Each fact is one unit's whole value: a plain sum, as reported, at its native grain and unit level, for the whole area.</summary>
    public static bool FactsAreUnitValues(PlanShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return shape is { PlainSum: true, AtNativeGrain: true, Structure: AreaStructure.AsReported, RequestUnits: false, AtUnitLevel: true };
    }

    /// <summary>Where a distribution's values come from.</summary>
    public static DistributionPath ValuesFor(QueryScope scope, IndicatorPlan plan, bool defaultBands)
    {
        var shape = PlanShape.Of(scope, plan, SourceNeeds.Values);
        return FactsAreUnitValues(shape) && defaultBands && shape.CallerSeesWholeArea ? DistributionPath.Precomputed
            : shape.Rule == AreaAggregation.Sum ? DistributionPath.AreaValues
            : DistributionPath.Evaluated;
    }

    /// <summary>The request's side of paging in the database, before its plan is known.</summary>
    public static bool PagesInDatabase(ObservationRequest request, IReadOnlyList<ObservationOrder> order, ObservationFilter? filter)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        return filter is null
            && request is { Indicators.Count: 1, Level: AreaLevel.Village, Structure: AreaStructure.AsReported, IncludeNonReporting: false }
            && order is [] or [{ Field: ObservationOrderField.Value }]
            && request.From.Start <= request.To.End;
    }

    /// <summary>The plan's side of paging in the database: a sum of one input reported by villages.</summary>
    public static bool PagesInDatabase(IndicatorPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan is { Indicator.AreaAggregation: AreaAggregation.Sum, Inputs.Count: 1, UnitLevel: AreaLevel.Village };
    }
}
