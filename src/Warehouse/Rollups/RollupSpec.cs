using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// One input a roll-up is kept for at one grain, as the catalogue's indicators read it there: the rows are the fact
/// path's grouped totals of <see cref="Input"/> at <see cref="Grain"/>, for every area of each level above the unit level.
/// </summary>
internal sealed record RollupSpec(string Signature, PeriodGrain Grain, QueryInput Input)
{
    /// <summary>Decimal places of the value sum: the facts carry four, a weighted value (value x weight) eight.</summary>
    public int SumScale => KeptScale.Of(Input);

    /// <summary>The finest level kept, the one above the level the base indicator is reported at (township or county).</summary>
    public AreaLevel FinestLevel => RollupLevels.FinestAbove(Input.Base.CaptureLevel);

    /// <summary>
    /// Everything the rows depend on: the base with its time rule, native grain and reporters, the window, the weight
    /// and the threshold. The engine names a request's inputs the same way to find their rows.
    /// </summary>
    public static string SignatureOf(QueryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var b = input.Base;
        return $"{b.IndicatorCode}:{b.TimeAggregation}:{b.NativeGrain}:{b.CaptureLevel}|{input.Mode}|{input.Weight?.IndicatorCode}|{input.ThresholdParameter}:{input.Comparison}";
    }

    /// <summary>
    /// The inputs of every indicator of the catalogue at every grain it may be asked at (its native grain and the coarser
    /// ones), each once: the finite set of inputs a request can read.
    /// </summary>
    public static IReadOnlyList<RollupSpec> FromCatalogue(IReadOnlyDictionary<string, Indicator> catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var specs = new Dictionary<(string, PeriodGrain), RollupSpec>();
        foreach (var indicator in catalogue.Values.OrderBy(i => i.SortOrder).ThenBy(i => i.IndicatorCode, StringComparer.Ordinal))
        {
            for (var grain = PeriodGrain.Year; grain <= indicator.NativeGrain; grain++)
            {
                foreach (var input in IndicatorPlanner.Plan(catalogue, indicator.IndicatorCode, grain).Inputs)
                {
                    var signature = SignatureOf(input);
                    specs.TryAdd((signature, grain), new RollupSpec(signature, grain, input with { Role = 0 }));
                }
            }
        }

        return [.. specs.Values];
    }
}
