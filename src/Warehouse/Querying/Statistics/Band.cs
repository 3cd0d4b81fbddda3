namespace Governance.Warehouse.Querying.Statistics;

/// <summary>A half-open value band [Lower, Upper) and how many units fall in it; the zero band holds exactly 0.</summary>
public sealed record Band(string Label, double? Lower, double? Upper, int Count, bool IsZero = false)
{
    public bool Contains(double value) => IsZero
        ? value == 0
        : (Lower is not { } lower || value >= lower) && (Upper is not { } upper || value < upper);
}
