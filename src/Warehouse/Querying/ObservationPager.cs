using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying;

/// <summary>
/// Filters, sorts and pages observations. A top or bottom N of villages by value or growth in one period, within the
/// first <see cref="Rollups.RankingRollups.Depth"/>, reads its villages from the ranking the ETL keeps and evaluates only
/// those; a summed indicator at village level, as reported and sorted by value (a top N) or by area and period, is sorted
/// and paged by the database, and only the page's villages are read again for growth and completeness; every other
/// request is evaluated whole and its grouped rows sorted in memory. Which is which, <see cref="SourcePlanner"/> decides
/// (<see cref="SourcePlanner.ReadsRanking"/>,
/// <see cref="SourcePlanner.PagesInDatabase(ObservationRequest, IReadOnlyList{ObservationOrder}, ObservationFilter?)"/>).
/// </summary>
public sealed class ObservationPager
{
    private readonly QueryContexts _contexts;
    private readonly ObservationEngine _engine;
    private readonly SourcePlanner _planner;
    private readonly GroupEvaluator _evaluator;

    internal ObservationPager(QueryContexts contexts, ObservationEngine engine, SourcePlanner planner, GroupEvaluator evaluator)
    {
        _contexts = contexts;
        _engine = engine;
        _planner = planner;
        _evaluator = evaluator;
    }

    public async Task<ObservationPage> PageAsync(ObservationRequest request, IReadOnlyList<ObservationOrder> order, ObservationFilter? filter, int offset, int size, bool countTotal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(order);
        if (_planner.UsesRollups && SourcePlanner.ReadsRanking(request, order, filter, offset, size) is { } ranking
            && await TryRankedAsync(request, order, ranking.Measure, ranking.Descending, offset, size, cancellationToken) is { } ranked)
        {
            return ranked;
        }

        if (SourcePlanner.PagesInDatabase(request, order, filter) && await TryInDatabaseAsync(request, order.Count > 0 ? order[0] : null, offset, size, countTotal, cancellationToken) is { } page)
        {
            return page;
        }

        var rows = await _engine.QueryAsync(request, cancellationToken);
        var sorted = ObservationOrder.Sort(filter is null ? rows : rows.Where(filter.Matches), order);
        return new ObservationPage(sorted.Skip(offset).Take(size).ToList(), sorted.Count);
    }

    /// <summary>The page's villages from the kept ranking, then those villages alone through the evaluator; null when the ranking does not serve.</summary>
    private async Task<ObservationPage?> TryRankedAsync(ObservationRequest request, IReadOnlyList<ObservationOrder> order, Rollups.RankingMeasure measure, bool descending, int offset, int size, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateAsync(cancellationToken);
        var plan = (await IndicatorPlanner.PlanAsync(db, request.Indicators, request.Grain, cancellationToken))[0];
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, request.Caller, cancellationToken);
        var scope = new QueryScope(prefix, request.Level, request.Grain, request.From.Start, request.To.End, request.Structure) { Caller = request.Caller };
        if (!SourcePlanner.RanksArea(scope, plan)
            || await Rollups.RankingRollups.ReadAsync(db, plan.Indicator.IndicatorSk, PeriodSurrogateKey.Of(request.From), prefix, measure, descending, offset + size, cancellationToken) is not { } ranked
            || !SourcePlanner.RankingAnswers(ranked, measure, offset, size))
        {
            return null;
        }

        var units = ranked.Codes.Skip(offset).ToList();
        if (units.Count == 0)
        {
            return new ObservationPage([], ranked.AreaUnitCount);
        }

        // With growth, a year more, so that the page's villages have their previous and year-earlier values.
        var growth = request.Parts.HasFlag(ObservationParts.Growth);
        var unitScope = scope with { Start = growth ? scope.Start.AddYears(-1) : scope.Start, Units = units };
        var rows = (await _evaluator.EvaluateAsync(db, unitScope, plan, request.Parts, includeNonReporting: false, cancellationToken))
            .Where(o => o.Period.Start >= request.From.Start);
        var sorted = ObservationOrder.Sort(rows, order);
        if (request.Parts.HasFlag(ObservationParts.Areas))
        {
            sorted = await _engine.WithAreasAsync(sorted, request.Caller, cancellationToken);
        }

        return new ObservationPage(sorted, ranked.AreaUnitCount);
    }

    private async Task<ObservationPage?> TryInDatabaseAsync(ObservationRequest request, ObservationOrder? order, int offset, int size, bool countTotal, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateAsync(cancellationToken);
        var plan = (await IndicatorPlanner.PlanAsync(db, request.Indicators, request.Grain, cancellationToken))[0];
        if (!SourcePlanner.PagesInDatabase(plan))
        {
            return null;
        }

        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, request.Caller, cancellationToken);
        var scope = new QueryScope(prefix, request.Level, request.Grain, request.From.Start, request.To.End, request.Structure) { Caller = request.Caller };

        var totals = FactSource.TotalsQuery(db, scope, plan, request.Parts.HasFlag(ObservationParts.ReportingUnits));

        // The in-memory order: the key (a sum is never null), then area code and period.
        var sorted = order is null ? totals.OrderBy(t => t.GroupCode)
            : order.Descending ? totals.OrderByDescending(t => t.Sum).ThenBy(t => t.GroupCode)
            : totals.OrderBy(t => t.Sum).ThenBy(t => t.GroupCode);
        var page = KeptScale.Round(plan, await sorted.ThenBy(t => t.PeriodKey).Skip(offset).Take(size).ToListAsync(cancellationToken));
        int? total = countTotal ? await totals.CountAsync(cancellationToken) : null;

        var units = page.Select(t => t.GroupCode).Distinct(StringComparer.Ordinal).ToList();
        var pageScope = scope with { Units = units };
        var expected = request.Parts.HasFlag(ObservationParts.ExpectedUnits) && units.Count > 0
            ? (await (await _planner.ForAsync(db, pageScope, plan, new SourceNeeds(ExpectedUnits: true), cancellationToken)).ExpectedAsync(db, pageScope, plan, cancellationToken)).ToDictionary(e => (e.GroupCode, e.PeriodKey), e => e.Count)
            : [];
        var rows = page.Select(t =>
        {
            var count = expected.GetValueOrDefault((t.GroupCode, t.PeriodKey));
            var (value, numerator, denominator) = plan.Evaluate(t, null, count);
            return new Observation(QueryScope.PadCode(t.GroupCode), PeriodKey.Parse(t.PeriodKey), plan.Indicator.IndicatorCode, value, numerator, denominator, t.Units, count) { Indicator = plan.Indicator };
        }).ToList();

        if (request.Parts.HasFlag(ObservationParts.Growth) && units.Count > 0)
        {
            // The page's villages from a year before the range: their previous and year-earlier values.
            var baseScope = pageScope with { Start = request.From.Start.AddYears(-1) };
            var source = await _planner.ForAsync(db, baseScope, plan, new SourceNeeds(), cancellationToken);
            var bases = KeptScale.Round(plan, await source.TotalsAsync(db, baseScope, plan, countUnits: false, cancellationToken))
                .ToDictionary(t => (QueryScope.PadCode(t.GroupCode), PeriodKey.Parse(t.PeriodKey)), t => plan.Evaluate(t, null, 0).Value);
            rows = rows.Select(r => GroupEvaluator.WithGrowth(r, bases)).ToList();
        }

        return new ObservationPage(rows, total);
    }
}
