using System.Globalization;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Keeps <c>agg_distribution</c> (<see cref="DistributionRollup"/>): for every summed indicator and period its facts were
/// loaded in, the default distribution of its unit values over the nation and inside every province, prefecture, county
/// and township that has any. Exact by construction: the values are read with the fact path's own expression and go
/// through the same <see cref="Distribution.Of"/>, which sorts them first, so the answer does not depend on the order
/// they came in. A load refreshes, inside its own transaction, only the areas that contain a unit it wrote (and their
/// ancestors, up to the nation); a rebuild refreshes everything.
/// </summary>
public static class DistributionRollups
{
    /// <summary>Areas a statement deletes the rows of: with the indicator and period, under SQL Server's 2,100 parameters.</summary>
    private const int DeleteChunk = 2_000;

    /// <summary>The prefix lengths of the areas a distribution is kept for: the nation, province, prefecture, county, township.</summary>
    private static readonly int[] PrefixLengths = [0, 2, 4, 6, 9];

    /// <summary>An indicator whose facts are each one unit's whole value: a sum over units, with no weight or threshold.</summary>
    public static bool Covers(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.AreaAggregation == AreaAggregation.Sum;
    }

    /// <summary>
    /// Recomputes the rows of each (indicator, period) pair for the areas containing one of <paramref name="units"/>
    /// (every area when null), on <paramref name="db"/>'s connection and transaction. Pairs of indicators not covered are
    /// skipped. Returns the rows written.
    /// </summary>
    public static async Task<int> RefreshAsync(WarehouseDbContext db, IEnumerable<(int IndicatorSk, int PeriodSk)> pairs, IReadOnlyCollection<string>? units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pairs);
        var catalogue = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorSk, cancellationToken);
        HashSet<string>? touched = units is null ? null : [.. PrefixLengths.SelectMany(length => units.Where(u => u.Length >= length).Select(u => u[..length]))];
        var written = 0;
        foreach (var (indicatorSk, periodSk) in pairs.Distinct().Order())
        {
            if (catalogue.GetValueOrDefault(indicatorSk) is { } indicator && Covers(indicator))
            {
                written += await RefreshPairAsync(db, indicator, periodSk, touched, cancellationToken);
            }
        }

        return written;
    }

    /// <summary>Every row again, from the facts: what <c>governance rollups rebuild</c> runs. Returns the rows written.</summary>
    public static async Task<int> RebuildAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.DistributionRollups.ExecuteDeleteAsync(cancellationToken);
        var summed = (await db.Indicators.AsNoTracking().ToListAsync(cancellationToken)).Where(Covers).Select(i => i.IndicatorSk).ToList();
        var pairs = await db.IndicatorValues.Where(v => summed.Contains(v.IndicatorSk)).Select(v => new { v.IndicatorSk, v.PeriodSk }).Distinct().ToListAsync(cancellationToken);
        return await RefreshAsync(db, pairs.Select(p => (p.IndicatorSk, p.PeriodSk)), null, cancellationToken);
    }

    /// <summary>
    /// The precomputed default distribution of <paramref name="indicator"/>'s unit values in one native period inside the
    /// area of <paramref name="prefix"/>, or null when the pair has not been rolled up (then the facts answer). A rolled-up
    /// pair without a row for the prefix has no values there: the empty distribution.
    /// </summary>
    public static async Task<Distribution?> ReadAsync(WarehouseDbContext db, Indicator indicator, int periodSk, string prefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(indicator);
        ArgumentNullException.ThrowIfNull(prefix);
        var sk = indicator.IndicatorSk;
        var rows = await db.DistributionRollups.AsNoTracking()
            .Where(d => d.IndicatorSk == sk && d.PeriodSk == periodSk && (d.Prefix == prefix || d.Prefix == string.Empty))
            .ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return null;
        }

        var (breaks, zeroBand) = DistributionRequest.DefaultBands(indicator);
        if (rows.FirstOrDefault(r => r.Prefix == prefix) is not { } row)
        {
            return Distribution.Of([], breaks, zeroBand);
        }

        var counts = row.BandCounts.Length == 0 ? [] : row.BandCounts.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
        var bands = Distribution.BandsOf(breaks, zeroBand).Select((b, i) => b with { Count = i < counts.Length ? counts[i] : 0 }).ToList();
        return new Distribution(row.Count, row.Mean, row.StdDev, row.Min, row.P10, row.Q1, row.Median, row.Q3, row.P90, row.Max, row.Gini, bands);
    }

    /// <summary>
    /// <c>governance rollups check</c>'s part: every (indicator, period) pair of a covered indicator's facts made again
    /// from the facts and compared with the stored rows, area by area and column by column (the same code computes both,
    /// so every bit must agree); rows stored for pairs or areas the facts do not have are differences too.
    /// </summary>
    internal static async Task<int> CompareAsync(WarehouseDbContext db, RollupDifferences found, CancellationToken cancellationToken)
    {
        var catalogue = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorSk, cancellationToken);
        var summed = catalogue.Values.Where(Covers).Select(i => i.IndicatorSk).ToList();
        var pairs = await db.IndicatorValues.Where(v => summed.Contains(v.IndicatorSk)).Select(v => new { v.IndicatorSk, v.PeriodSk }).Distinct().ToListAsync(cancellationToken);
        var storedPairs = await db.DistributionRollups.Select(d => new { d.IndicatorSk, d.PeriodSk }).Distinct().ToListAsync(cancellationToken);
        var periods = await db.Periods.AsNoTracking().ToDictionaryAsync(p => p.PeriodSk, p => p.PeriodKey, cancellationToken);
        var compared = 0;
        foreach (var pair in pairs.Union(storedPairs).Distinct().OrderBy(p => p.IndicatorSk).ThenBy(p => p.PeriodSk))
        {
            var indicator = catalogue.GetValueOrDefault(pair.IndicatorSk);
            var name = $"distribution of {indicator?.IndicatorCode ?? $"indicator_sk {pair.IndicatorSk}"} in {periods.GetValueOrDefault(pair.PeriodSk, $"period_sk {pair.PeriodSk}")}";
            var expected = indicator is not null && Covers(indicator)
                ? (await RowsAsync(db, indicator, pair.PeriodSk, null, cancellationToken)).ToDictionary(r => r.Prefix, StringComparer.Ordinal)
                : [];
            var stored = await db.DistributionRollups.AsNoTracking().Where(d => d.IndicatorSk == pair.IndicatorSk && d.PeriodSk == pair.PeriodSk)
                .ToDictionaryAsync(d => d.Prefix, StringComparer.Ordinal, cancellationToken);
            foreach (var prefix in expected.Keys.Union(stored.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                compared++;
                var area = prefix.Length == 0 ? "the nation" : $"area {prefix.PadRight(12, '0')}";
                if (!stored.TryGetValue(prefix, out var kept))
                {
                    found.Add($"{name}, {area}: missing from {DistributionRollup.Table}");
                    continue;
                }

                if (!expected.TryGetValue(prefix, out var made))
                {
                    found.Add($"{name}, {area}: kept in {DistributionRollup.Table}, but the facts have no value there");
                    continue;
                }

                foreach (var (column, keptValue, madeValue) in Columns(kept, made).Where(c => !Equals(c.Kept, c.Made)))
                {
                    found.Add($"{name}, {area}: {column} stored {keptValue ?? "null"}, expected {madeValue ?? "null"}");
                }
            }
        }

        return compared;
    }

    private static IEnumerable<(string Column, string? Kept, string? Made)> Columns(DistributionRollup kept, DistributionRollup made)
    {
        static string? R(double? v) => v?.ToString("R", CultureInfo.InvariantCulture);
        yield return ("count", kept.Count.ToString(CultureInfo.InvariantCulture), made.Count.ToString(CultureInfo.InvariantCulture));
        yield return ("mean", R(kept.Mean), R(made.Mean));
        yield return ("std_dev", R(kept.StdDev), R(made.StdDev));
        yield return ("min", R(kept.Min), R(made.Min));
        yield return ("p10", R(kept.P10), R(made.P10));
        yield return ("q1", R(kept.Q1), R(made.Q1));
        yield return ("median", R(kept.Median), R(made.Median));
        yield return ("q3", R(kept.Q3), R(made.Q3));
        yield return ("p90", R(kept.P90), R(made.P90));
        yield return ("max", R(kept.Max), R(made.Max));
        yield return ("gini", R(kept.Gini), R(made.Gini));
        yield return ("band_counts", kept.BandCounts, made.BandCounts);
    }

    private static async Task<int> RefreshPairAsync(WarehouseDbContext db, Indicator indicator, int periodSk, HashSet<string>? touched, CancellationToken cancellationToken)
    {
        var sk = indicator.IndicatorSk;
        var rows = await RowsAsync(db, indicator, periodSk, touched, cancellationToken);
        var stale = db.DistributionRollups.Where(d => d.IndicatorSk == sk && d.PeriodSk == periodSk);
        if (touched is null)
        {
            await stale.ExecuteDeleteAsync(cancellationToken);
        }
        else
        {
            // In chunks: EF Core sends a list as one parameter a value, and a national file touches some 45,000 areas
            // (SQLite takes at most 32,766 parameters a statement, SQL Server 2,100).
            foreach (var chunk in touched.Chunk(DeleteChunk))
            {
                var prefixes = chunk.ToList();
                await stale.Where(d => prefixes.Contains(d.Prefix)).ExecuteDeleteAsync(cancellationToken);
            }
        }

        await RollupRows.InsertAsync(
            db,
            DistributionRollup.Table,
            ["indicator_sk", "period_sk", "prefix", "count", "mean", "std_dev", "min", "p10", "q1", "median", "q3", "p90", "max", "gini", "band_counts"],
            rows.Select(r => new object?[] { r.IndicatorSk, r.PeriodSk, r.Prefix, r.Count, r.Mean, r.StdDev, r.Min, r.P10, r.Q1, r.Median, r.Q3, r.P90, r.Max, r.Gini, r.BandCounts }).ToList(),
            cancellationToken);
        return rows.Count;
    }

    /// <summary>The rows of one (indicator, period) pair made from the facts, for the areas of <paramref name="touched"/> (every area when null).</summary>
    private static async Task<List<DistributionRollup>> RowsAsync(WarehouseDbContext db, Indicator indicator, int periodSk, HashSet<string>? touched, CancellationToken cancellationToken)
    {
        var sk = indicator.IndicatorSk;

        // The fact path's own expression for a unit's value (UnitFacts.UnitValues), with the unit's code for its areas.
        var values = await (
            from v in db.IndicatorValues
            join a in db.Areas on v.AreaSk equals a.AreaSk
            where v.IndicatorSk == sk && v.PeriodSk == periodSk
            select new { a.AreaCode, Value = (double)v.Value })
            .ToListAsync(cancellationToken);
        var (breaks, zeroBand) = DistributionRequest.DefaultBands(indicator);
        var rows = new List<DistributionRollup>();
        foreach (var length in PrefixLengths)
        {
            foreach (var group in values.Where(v => v.AreaCode.Length >= length).GroupBy(v => v.AreaCode[..length], StringComparer.Ordinal))
            {
                if (touched is not null && !touched.Contains(group.Key))
                {
                    continue;
                }

                var d = Distribution.Of([.. group.Select(v => v.Value)], breaks, zeroBand);
                rows.Add(new DistributionRollup
                {
                    IndicatorSk = sk,
                    PeriodSk = periodSk,
                    Prefix = group.Key,
                    Count = d.Count,
                    Mean = d.Mean,
                    StdDev = d.StdDev,
                    Min = d.Min,
                    P10 = d.P10,
                    Q1 = d.Q1,
                    Median = d.Median,
                    Q3 = d.Q3,
                    P90 = d.P90,
                    Max = d.Max,
                    Gini = d.Gini,
                    BandCounts = string.Join(',', d.Bands.Select(b => b.Count.ToString(CultureInfo.InvariantCulture))),
                });
            }
        }

        return rows;
    }
}
