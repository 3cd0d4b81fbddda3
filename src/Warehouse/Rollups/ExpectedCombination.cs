using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Planning;

namespace Governance.Warehouse.Rollups;

/// <summary>A capture level and a grain some indicator of the catalogue counts expected units at.</summary>
internal sealed record ExpectedCombination(CaptureLevel Capture, IReadOnlyList<AreaKind> Kinds, PeriodGrain Grain)
{
    public static IReadOnlyList<ExpectedCombination> FromCatalogue(IReadOnlyDictionary<string, Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var combinations = new Dictionary<(CaptureLevel, PeriodGrain), ExpectedCombination>();
        foreach (var indicator in catalogue.Values.OrderBy(i => i.CaptureLevel).ThenBy(i => i.IndicatorCode, StringComparer.Ordinal))
        {
            for (var grain = PeriodGrain.Year; grain <= indicator.NativeGrain; grain++)
            {
                combinations.TryAdd((indicator.CaptureLevel, grain), new ExpectedCombination(indicator.CaptureLevel, new IndicatorPlan(indicator, []).UnitKinds, grain));
            }
        }

        return [.. combinations.Values.OrderBy(c => c.Capture).ThenBy(c => c.Grain)];
    }
}
