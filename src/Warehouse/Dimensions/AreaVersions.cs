namespace Governance.Warehouse.Dimensions;

/// <summary>
/// Which version of an area is meant, the one place that says it: the version in force (the current one, else the one
/// that started last), the version that started last, and the version valid during a period.
/// </summary>
public static class AreaVersions
{
    /// <summary>The version in force: the current one, else the one that started last (labels of areas, lists and lookups).</summary>
    public static Area InForce(IEnumerable<Area> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.OrderByDescending(a => a.IsCurrent).ThenByDescending(a => a.ValidFrom).First();
    }

    /// <summary>
    /// Of each code, the version in force (the rule of <see cref="InForce"/>), chosen in the database: no other version of
    /// the code is current while it is not, or equally current and started later.
    /// </summary>
    public static IQueryable<Area> EachInForce(IQueryable<Area> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(a => !versions.Any(b => b.AreaCode == a.AreaCode
            && ((b.IsCurrent && !a.IsCurrent) || (b.IsCurrent == a.IsCurrent && b.ValidFrom > a.ValidFrom))));
    }

    /// <summary>The version that started last (the labels of the query engine's rows).</summary>
    public static Area LatestStarted(IEnumerable<Area> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.MaxBy(a => a.ValidFrom)!;
    }

    /// <summary>Of each code's versions, the one <paramref name="choose"/> picks.</summary>
    public static IReadOnlyDictionary<string, Area> ByCode(IEnumerable<Area> versions, Func<IEnumerable<Area>, Area> choose)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(choose);
        return versions.GroupBy(a => a.AreaCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => choose(g), StringComparer.Ordinal);
    }

    /// <summary>Of the versions of one area, the latest valid on some day of [<paramref name="start"/>, <paramref name="end"/>], or null.</summary>
    public static Area? ValidIn(IEnumerable<Area> versions, DateOnly start, DateOnly end)
    {
        ArgumentNullException.ThrowIfNull(versions);
        return versions.Where(a => a.OverlapsPeriod(start, end)).MaxBy(a => a.ValidFrom);
    }
}
