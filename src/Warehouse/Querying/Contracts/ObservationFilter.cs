using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>Filters on the grouped rows: the row area's urban-rural class and kind, and a value range (inclusive).</summary>
public sealed record ObservationFilter(string? UrbanRuralClass = null, AreaKind? Kind = null, double? MinValue = null, double? MaxValue = null)
{
    public bool Matches(Observation row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (UrbanRuralClass is null || row.Area?.UrbanRuralClass == UrbanRuralClass)
            && (Kind is null || row.Area?.Kind == Kind)
            && (MinValue is null || row.Value >= MinValue)
            && (MaxValue is null || row.Value <= MaxValue);
    }
}
