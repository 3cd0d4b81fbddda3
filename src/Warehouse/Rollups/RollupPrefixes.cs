using Governance.Warehouse.Querying.Sources;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>Which areas to refresh after a change under some area codes: a few prefixes, never overlapping.</summary>
internal static class RollupPrefixes
{
    /// <summary>More prefixes than this, and the next coarser level's are taken (at the province level: everything).</summary>
    public const int Most = 16;

    private static readonly int[] Lengths = [9, 6, 4, 2];

    /// <summary>
    /// The township prefixes of the codes when they are few (a county's file), else their counties, prefectures or
    /// provinces; <c>""</c> (every area) when even those are many. Refreshing one prefix costs about one query per level,
    /// so a file naming two townships far apart rewrites those two, not everything between them.
    /// </summary>
    public static IReadOnlyList<string> Choose(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var all = codes.Distinct(StringComparer.Ordinal).ToList();
        if (all.Count == 0)
        {
            return [];
        }

        foreach (var length in Lengths)
        {
            var prefixes = all.Select(c => c.Length > length ? c[..length] : c).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (prefixes.Count <= Most)
            {
                return prefixes;
            }
        }

        return [""];
    }

    /// <summary>
    /// PostgreSQL: everything instead of prefixes that hold most of the areas. A province's file of two counties took
    /// 11.3 s of the server's CPU refreshed county by county and 4.0 s as one whole; SQLite did better by county (5.4 s
    /// against 9.2 s), so there the prefixes stay.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WidenAsync(WarehouseDbContext db, IReadOnlyList<string> prefixes, CancellationToken cancellationToken)
    {
        if (prefixes is [] or [""] || db.Provider != WarehouseProvider.Postgres)
        {
            return prefixes;
        }

        var all = await db.Areas.CountAsync(cancellationToken);
        var under = 0;
        foreach (var prefix in prefixes)
        {
            var (first, last) = AreaScope.CodeRange(prefix);
            under += await db.Areas.CountAsync(a => a.AreaCode.CompareTo(first) >= 0 && a.AreaCode.CompareTo(last) <= 0, cancellationToken);
        }

        return under * 2 > all ? [""] : prefixes;
    }

    /// <summary>Runs of consecutive years.</summary>
    public static IEnumerable<(int First, int Last)> Runs(IEnumerable<int> years)
    {
        var sorted = years.Order().ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            yield return (sorted[i], sorted[j]);
            i = j + 1;
        }
    }

    public static string Describe(IReadOnlyList<string> prefixes) =>
        prefixes is [""] ? "every area" : string.Join(", ", prefixes.Select(p => $"'{p}'"));
}
