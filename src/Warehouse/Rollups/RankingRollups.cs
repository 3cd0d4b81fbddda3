using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Querying.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Keeps <c>agg_ranking</c> (<see cref="RankingRollup"/>): for every indicator whose ranking the engine reads
/// (<see cref="SourcePlanner.KeepsRanking"/>: a plain sum reported by villages) and every period at its native grain, the
/// first and last <see cref="Depth"/> units of the nation, of every province and of every prefecture, by value and by
/// year-on-year growth. Exact by construction: the units' values are the fact path's own grouped rows
/// (<see cref="GroupQueries.Totals"/> evaluated by the plan), their growth is <see cref="PeriodMath.Growth"/> on the value of
/// the same code a year earlier (as reported: a merged unit's new code has no base), and ties go by code, as
/// <see cref="ObservationOrder.Sort"/> breaks them. A load refreshes, in its own transaction, each period it wrote and the
/// period a year later (whose growth it changed), for the areas that contain a unit it wrote; a rebuild refreshes
/// everything. Area changes need nothing: as reported, a unit's facts keep their code.
/// </summary>
public static class RankingRollups
{
    /// <summary>Units kept in each direction of each ranking: a page ending past it reads the facts.</summary>
    public const int Depth = 100;

    /// <summary>The prefix lengths of the areas a ranking is kept for: the nation, province, prefecture.</summary>
    internal static readonly int[] PrefixLengths = [0, 2, 4];

    /// <summary>
    /// Recomputes the rankings of each indicator's periods in <paramref name="pairs"/> and of the periods a year later, for
    /// the areas containing one of <paramref name="units"/> (every area when null, or when the period was never ranked), on
    /// <paramref name="db"/>'s connection and transaction. Indicators not ranked are skipped. Returns the rows written.
    /// </summary>
    public static async Task<int> RefreshAsync(WarehouseDbContext db, IEnumerable<(int IndicatorSk, int PeriodSk)> pairs, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pairs);
        HashSet<string>? touched = units is null ? null : [.. PrefixLengths.SelectMany(length => units.Where(u => u.Length >= length).Select(u => u[..length]))];
        var written = 0;
        foreach (var (plan, periods) in await PlansAsync(db, pairs, cancellationToken))
        {
            var values = new RankingValues(db, plan);
            foreach (var period in periods.SelectMany(p => new[] { p, p with { Year = p.Year + 1 } }).Distinct().OrderBy(p => p.Start))
            {
                written += await RefreshPeriodAsync(db, plan, period, values, touched, cancellationToken);
            }
        }

        return written;
    }

    /// <summary>Every row again, from the facts: what <c>governance rollups rebuild</c> runs. Returns the rows written.</summary>
    public static async Task<int> RebuildAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.RankingRollups.ExecuteDeleteAsync(cancellationToken);
        return await RefreshAsync(db, await FactPairsAsync(db, cancellationToken), null, cancellationToken);
    }

    /// <summary>
    /// The first <paramref name="take"/> units of one kept ranking inside the area of <paramref name="prefix"/>, or null when
    /// the period has not been ranked (then the facts answer). A ranked period without rows for the prefix has no units there.
    /// </summary>
    public static async Task<RankedUnits?> ReadAsync(WarehouseDbContext db, int indicatorSk, int periodSk, string prefix, RankingMeasure measure, bool descending, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(prefix);
        var ranked = db.RankingRollups.AsNoTracking().Where(r => r.IndicatorSk == indicatorSk && r.PeriodSk == periodSk);
        var heads = await ranked
            .Where(r => (r.Prefix == prefix || r.Prefix == string.Empty) && r.Measure == RankingMeasure.Value && r.IsDescending && r.Rank == 1)
            .Select(r => new { r.Prefix, r.AreaUnitCount })
            .ToListAsync(cancellationToken);
        if (heads.Count == 0)
        {
            return null;
        }

        var codes = await ranked
            .Where(r => r.Prefix == prefix && r.Measure == measure && r.IsDescending == descending && r.Rank <= take)
            .OrderBy(r => r.Rank)
            .Select(r => r.AreaCode)
            .ToListAsync(cancellationToken);
        return new RankedUnits(codes, heads.FirstOrDefault(h => h.Prefix == prefix)?.AreaUnitCount ?? 0);
    }

    /// <summary>Each (indicator, period) the facts hold, of the indicators that are ranked or not: the rebuild's and the check's work.</summary>
    internal static async Task<List<(int IndicatorSk, int PeriodSk)>> FactPairsAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var pairs = await db.IndicatorValues.Select(v => new { v.IndicatorSk, v.PeriodSk }).Distinct().ToListAsync(cancellationToken);
        return pairs.Select(p => (p.IndicatorSk, p.PeriodSk)).ToList();
    }

    /// <summary>The ranked indicators among the pairs' with their plans at the native grain, and the periods of each.</summary>
    internal static async Task<List<(IndicatorPlan Plan, List<PeriodKey> Periods)>> PlansAsync(WarehouseDbContext db, IEnumerable<(int IndicatorSk, int PeriodSk)> pairs, CancellationToken cancellationToken)
    {
        var catalogue = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal, cancellationToken);
        var plans = catalogue.Values
            .Select(i => IndicatorPlanner.Plan(catalogue, i.IndicatorCode, i.NativeGrain))
            .Where(SourcePlanner.KeepsRanking)
            .ToDictionary(p => p.Indicator.IndicatorSk);
        var wanted = pairs.Where(p => plans.ContainsKey(p.IndicatorSk)).Distinct().ToList();
        return wanted
            .GroupBy(p => p.IndicatorSk)
            .OrderBy(g => g.Key)
            .Select(g => (plans[g.Key], g.Select(p => PeriodSurrogateKey.Parse(p.PeriodSk)).Where(k => k.Grain == plans[g.Key].Indicator.NativeGrain).ToList()))
            .ToList();
    }

    /// <summary>The rows of one period for the areas of <paramref name="touched"/> (every area when null), from the facts.</summary>
    internal static async Task<List<RankingRollup>> ComputeAsync(IndicatorPlan plan, PeriodKey period, RankingValues values, HashSet<string>? touched, CancellationToken cancellationToken)
    {
        var current = await values.OfAsync(period, cancellationToken);
        var yearEarlier = await values.OfAsync(PeriodMath.YearEarlier(period), cancellationToken);
        var units = current
            .Select(u => new RankedUnit(u.Key, u.Value, PeriodMath.Growth(u.Value, yearEarlier.TryGetValue(u.Key, out var b) ? b : null)))
            .ToList();
        var (sk, periodSk) = (plan.Indicator.IndicatorSk, PeriodSurrogateKey.Of(period));
        var rows = new List<RankingRollup>();
        foreach (var length in PrefixLengths)
        {
            foreach (var area in units.GroupBy(u => u.Code[..length], StringComparer.Ordinal))
            {
                if (touched is not null && !touched.Contains(area.Key))
                {
                    continue;
                }

                var count = area.Count();
                var growing = area.Where(u => u.Growth is not null).ToList();
                foreach (var descending in new[] { true, false })
                {
                    Add(RankingMeasure.Value, descending, area, u => u.Value);
                    Add(RankingMeasure.YoyGrowth, descending, growing, u => u.Growth!.Value);
                }

                void Add(RankingMeasure measure, bool descending, IEnumerable<RankedUnit> ranked, Func<RankedUnit, double> key)
                {
                    var ordered = descending ? ranked.OrderByDescending(key) : ranked.OrderBy(key);
                    var rank = 0;
                    foreach (var unit in ordered.ThenBy(u => u.Code, StringComparer.Ordinal).Take(Depth))
                    {
                        rows.Add(new RankingRollup { IndicatorSk = sk, PeriodSk = periodSk, Prefix = area.Key, Measure = measure, IsDescending = descending, Rank = ++rank, AreaCode = unit.Code, SortValue = key(unit), AreaUnitCount = count });
                    }
                }
            }
        }

        return rows;
    }

    private static async Task<int> RefreshPeriodAsync(WarehouseDbContext db, IndicatorPlan plan, PeriodKey period, RankingValues values, HashSet<string>? touched, CancellationToken cancellationToken)
    {
        var (sk, periodSk) = (plan.Indicator.IndicatorSk, PeriodSurrogateKey.Of(period));
        var stale = db.RankingRollups.Where(r => r.IndicatorSk == sk && r.PeriodSk == periodSk);
        if (touched is not null && !await stale.AnyAsync(r => r.Prefix == string.Empty && r.Measure == RankingMeasure.Value, cancellationToken))
        {
            touched = null; // never ranked (facts loaded before agg_ranking existed): every area, or the others would read as empty
        }

        if (touched is not null)
        {
            var prefixes = touched.ToList();
            stale = stale.Where(r => prefixes.Contains(r.Prefix));
        }

        await stale.ExecuteDeleteAsync(cancellationToken);
        var rows = await ComputeAsync(plan, period, values, touched, cancellationToken);
        await RollupRows.InsertAsync(
            db,
            RankingRollup.Table,
            ["indicator_sk", "period_sk", "prefix", "measure", "is_descending", "rank", "area_code", "sort_value", "area_unit_count"],
            rows.Select(r => new object?[] { r.IndicatorSk, r.PeriodSk, r.Prefix, r.Measure.ToString(), r.IsDescending, r.Rank, r.AreaCode, r.SortValue, r.AreaUnitCount }).ToList(),
            cancellationToken);
        return rows.Count;
    }

    private sealed record RankedUnit(string Code, double Value, double? Growth);
}
