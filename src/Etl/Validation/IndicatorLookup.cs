using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Validation;

/// <summary>
/// Finds an indicator by code or Chinese name, loosely: case and width do not matter, a bracketed unit is ignored, and a
/// name may drop its 村集体 (or 村) prefix when no other indicator then reads the same.
/// </summary>
public sealed class IndicatorLookup
{
    private static readonly string[] DroppablePrefixes = ["村集体", "村"];

    private readonly Dictionary<string, Indicator> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Indicator?> _resolved = new(StringComparer.Ordinal);

    public IndicatorLookup(IEnumerable<Indicator> indicators)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        var all = indicators.ToList();
        foreach (var indicator in all)
        {
            _byName[HeaderText.Normalize(indicator.IndicatorCode)] = indicator;
            _byName[HeaderText.WithoutUnit(indicator.NameZh)] = indicator;
        }

        var aliases = all
            .SelectMany(i => DroppablePrefixes
                .Select(p => HeaderText.WithoutUnit(i.NameZh) is var n && n.StartsWith(p, StringComparison.Ordinal) ? n[p.Length..] : null)
                .Where(a => !string.IsNullOrEmpty(a))
                .Select(a => (Alias: a!, Indicator: i)))
            .GroupBy(a => a.Alias, StringComparer.Ordinal)
            .Where(g => g.Select(a => a.Indicator.IndicatorSk).Distinct().Count() == 1 && !_byName.ContainsKey(g.Key));
        foreach (var alias in aliases)
        {
            _byName[alias.Key] = alias.First().Indicator;
        }

        ByCode = all.ToDictionary(i => i.IndicatorCode, StringComparer.Ordinal);
        BySk = all.ToDictionary(i => i.IndicatorSk);
    }

    public IReadOnlyDictionary<string, Indicator> ByCode { get; }

    public IReadOnlyDictionary<int, Indicator> BySk { get; }

    public Indicator? Find(string? text)
    {
        var key = text ?? string.Empty;
        if (_resolved.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var found = _byName.GetValueOrDefault(HeaderText.Normalize(key)) ?? _byName.GetValueOrDefault(HeaderText.WithoutUnit(key));
        _resolved[key] = found;
        return found;
    }
}
