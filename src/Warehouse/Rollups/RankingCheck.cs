using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// The rankings' part of <c>governance rollups check</c>: every ranking made again from the facts, in memory, with the
/// code a load runs (<see cref="RankingRollups.ComputeAsync"/>), and compared with agg_ranking row by row and column by column.
/// </summary>
internal static class RankingCheck
{
    /// <summary>Adds each difference to <paramref name="found"/>; returns the rows made.</summary>
    public static async Task<int> CompareAsync(WarehouseDbContext db, RollupDifferences found, CancellationToken cancellationToken)
    {
        var made = 0;
        foreach (var (plan, periods) in await RankingRollups.PlansAsync(db, await RankingRollups.FactPairsAsync(db, cancellationToken), cancellationToken))
        {
            var values = new RankingValues(db, plan);
            var sk = plan.Indicator.IndicatorSk;
            var code = plan.Indicator.IndicatorCode;
            var expected = new Dictionary<(int, string, RankingMeasure, bool, int), RankingRollup>();
            foreach (var period in periods.SelectMany(p => new[] { p, p with { Year = p.Year + 1 } }).Distinct().OrderBy(p => p.Start))
            {
                foreach (var row in await RankingRollups.ComputeAsync(plan, period, values, null, cancellationToken))
                {
                    expected[Key(row)] = row;
                }
            }

            made += expected.Count;
            var stored = await db.RankingRollups.AsNoTracking().Where(r => r.IndicatorSk == sk).ToListAsync(cancellationToken);
            foreach (var row in stored)
            {
                if (!expected.Remove(Key(row), out var want))
                {
                    found.Add($"agg_ranking {Describe(code, row)}: not in the facts' ranking");
                }
                else if ((want.AreaCode, want.SortValue, want.AreaUnitCount) != (row.AreaCode, row.SortValue, row.AreaUnitCount))
                {
                    found.Add(string.Create(CultureInfo.InvariantCulture, $"agg_ranking {Describe(code, row)}: {row.AreaCode} ({row.SortValue:R}, of {row.AreaUnitCount}), the facts give {want.AreaCode} ({want.SortValue:R}, of {want.AreaUnitCount})"));
                }
            }

            foreach (var missing in expected.Values)
            {
                found.Add($"agg_ranking {Describe(code, missing)}: missing (the facts give {missing.AreaCode})");
            }
        }

        return made;
    }

    private static (int, string, RankingMeasure, bool, int) Key(RankingRollup r) => (r.PeriodSk, r.Prefix, r.Measure, r.IsDescending, r.Rank);

    private static string Describe(string code, RankingRollup r) =>
        string.Create(CultureInfo.InvariantCulture, $"{code} period {r.PeriodSk} area '{r.Prefix}' by {r.Measure} {(r.IsDescending ? "desc" : "asc")} rank {r.Rank}");
}
