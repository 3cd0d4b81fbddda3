using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>The versions of every area by code, latest first, loaded once per file.</summary>
public sealed class AreaLookup(IEnumerable<Area> areas)
{
    private readonly Dictionary<string, Area[]> _byCode = areas
        .GroupBy(a => a.AreaCode, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.ValidFrom).ToArray(), StringComparer.Ordinal);

    public bool Contains(string code) => _byCode.ContainsKey(code);

    /// <summary>Distinct codes: fewer than the versions when some area has been renamed, reclassified or re-dated.</summary>
    public int CodeCount => _byCode.Count;

    public IReadOnlyList<Area> Versions(string code) => _byCode.TryGetValue(code, out var versions) ? versions : [];

    /// <summary>The latest version valid on some day of the period, or null.</summary>
    public Area? ValidIn(string code, PeriodKey period) =>
        AreaVersions.ValidIn(Versions(code), period.Start, period.End);
}
