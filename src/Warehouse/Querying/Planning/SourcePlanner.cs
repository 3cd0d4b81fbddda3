using System.Globalization;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Querying.Statistics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>
/// Decides, for each indicator plan of a request, where its grouped rows come from and by which path: the one rule of
/// the engine, over the named inputs of <see cref="PlanShape"/> (level against unit level, grain against native grain,
/// period range, structure, thresholds in force, reporting and expected unit counts needed, the request's units, the
/// caller's scope).
/// <list type="number">
/// <item><b>Source</b> (<see cref="ForAsync"/>): the registered <see cref="IGroupSource"/>s in registration order, the
/// first whose <see cref="IGroupSource.CoversAsync"/> holds; the facts (<see cref="FactSource"/>) when none does. With
/// <c>Warehouse:Rollups:Use</c> on, <see cref="QueryEngineServiceCollectionExtensions.AddQueryEngine"/> registers
/// <see cref="Rollups.RollupSource"/> first (its rule: <see cref="Rollups.RollupReader.Covers(PlanShape)"/>). Which source
/// answered each plan is logged at Debug level (category <c>Governance.Warehouse.Querying.Planning.SourcePlanner</c>).</item>
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
/// <item><b>Kept rankings</b> (<see cref="KeepsRanking"/>, <see cref="ReadsRanking"/>, <see cref="RanksArea"/> and
/// <see cref="RankingAnswers"/>): a page of one summed village indicator (a plain sum reported by villages), as reported,
/// in one period at its native grain, sorted by value or by year-on-year growth alone, ending within the first
/// <see cref="Rollups.RankingRollups.Depth"/>, inside the nation, a province or a prefecture the caller sees whole, reads
/// its units from <c>agg_ranking</c> and evaluates only those; the rest pages as above.</item>
/// </list>
/// </summary>
internal sealed class SourcePlanner
{
    private readonly IReadOnlyList<IGroupSource> _sources;
    private readonly FactSource _facts;
    private readonly ILogger _logger;

    public SourcePlanner(IEnumerable<IGroupSource> sources, FactSource facts, ILogger<SourcePlanner>? logger = null)
    {
        _sources = [.. sources.Where(s => s is not FactSource)];
        _facts = facts;
        _logger = logger ?? NullLogger<SourcePlanner>.Instance;
        UsesRollups = _sources.Any(s => s is Rollups.RollupSource);
    }

    /// <summary>
    /// Whether the roll-ups may answer (<c>Warehouse:Rollups:Use</c>, <see cref="Rollups.RollupSource"/> registered): also
    /// the precomputed default distributions (<see cref="DistributionPath.Precomputed"/>) and the kept rankings
    /// (<see cref="ReadsRanking"/>), which are roll-ups too.
    /// </summary>
    public bool UsesRollups { get; }

    /// <summary>The source of the plan's grouped rows over the scope: the first registered one that covers it, else the facts.</summary>
    public async Task<IGroupSource> ForAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, SourceNeeds needs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(needs);
        IGroupSource chosen = _facts;
        foreach (var source in _sources)
        {
            if (await source.CoversAsync(db, scope, plan, needs, cancellationToken))
            {
                chosen = source;
                break;
            }
        }

        if (_logger.IsEnabled(LogLevel.Debug))
        {
            _logger.LogDebug(
                "Grouped rows of {Indicator} at {Level} level, {Grain} {Start}..{End}, {Structure}, within {Within}, units {Units}: from {Source}",
                plan.Indicator.IndicatorCode,
                scope.Level,
                scope.Grain,
                scope.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                scope.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                scope.Structure,
                scope.Prefix.Length == 0 ? "everything" : scope.Prefix,
                scope.Units is null ? "all" : scope.Units.Count.ToString(CultureInfo.InvariantCulture),
                chosen.Name);
        }

        return chosen;
    }

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

    /// <summary>An indicator whose rankings the ETL keeps (<c>agg_ranking</c>): a plain sum of its own facts, reported by villages.</summary>
    public static bool KeepsRanking(IndicatorPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan is { Indicator.AreaAggregation: AreaAggregation.Sum, UnitLevel: AreaLevel.Village, Inputs: [{ Weight: null, ThresholdParameter: null, Mode: WindowMode.Inside } input] }
            && input.Base.IndicatorSk == plan.Indicator.IndicatorSk
            && plan.Indicator.NativeGrain == input.Base.NativeGrain;
    }

    /// <summary>
    /// The request's side of reading a kept ranking, before its plan is known: which ranking (by value, or by
    /// year-on-year growth, which period growth is at YEAR grain) and in which direction; null when none serves.
    /// </summary>
    public static (Rollups.RankingMeasure Measure, bool Descending)? ReadsRanking(ObservationRequest request, IReadOnlyList<ObservationOrder> order, ObservationFilter? filter, int offset, int size)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        if (filter is not null
            || request is not { Indicators.Count: 1, Level: AreaLevel.Village, Structure: AreaStructure.AsReported, IncludeNonReporting: false }
            || offset < 0 || size < 0 || offset + size > Rollups.RankingRollups.Depth
            || order is not [var key])
        {
            return null;
        }

        var period = PeriodMath.Range(request.Grain, request.From.Start, request.From.Start).First();
        if (period.Start != request.From.Start || period.End != request.To.End)
        {
            return null; // not exactly one period at the grain
        }

        var growth = request.Parts.HasFlag(ObservationParts.Growth);
        return key.Field switch
        {
            ObservationOrderField.Value => (Rollups.RankingMeasure.Value, key.Descending),
            ObservationOrderField.YoyGrowth when growth => (Rollups.RankingMeasure.YoyGrowth, key.Descending),
            ObservationOrderField.PeriodGrowth when growth && request.Grain == PeriodGrain.Year => (Rollups.RankingMeasure.YoyGrowth, key.Descending),
            _ => null,
        };
    }

    /// <summary>The scope's side: a kept plan at its native grain, inside an area a ranking is kept for, that the caller sees whole.</summary>
    public static bool RanksArea(QueryScope scope, IndicatorPlan plan)
    {
        var shape = PlanShape.Of(scope, plan, new SourceNeeds());
        return KeepsRanking(plan)
            && shape is { AtNativeGrain: true, AtUnitLevel: true, Structure: AreaStructure.AsReported, RequestUnits: false, CallerSeesWholeArea: true }
            && Rollups.RankingRollups.PrefixLengths.Contains(scope.Prefix.Length);
    }

    /// <summary>
    /// Whether the ranking read answers the page: it holds the page's units, or all the area's units by value. A growth
    /// ranking shorter than the page leaves the units without growth, which the facts put last by code.
    /// </summary>
    public static bool RankingAnswers(Rollups.RankedUnits ranked, Rollups.RankingMeasure measure, int offset, int size)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        return ranked.Codes.Count >= offset + size
            || measure == Rollups.RankingMeasure.Value
            || ranked.Codes.Count == ranked.AreaUnitCount;
    }

    /// <summary>The plan's side of paging in the database: a sum of one input reported by villages.</summary>
    public static bool PagesInDatabase(IndicatorPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan is { Indicator.AreaAggregation: AreaAggregation.Sum, Inputs.Count: 1, UnitLevel: AreaLevel.Village };
    }
}
