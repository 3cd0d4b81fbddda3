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
}
