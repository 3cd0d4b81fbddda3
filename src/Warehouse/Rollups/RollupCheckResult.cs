namespace Governance.Warehouse.Rollups;

/// <summary>What <c>governance rollups check</c> found.</summary>
/// <param name="RollupVersion">The warehouse version the roll-ups say they are exact at.</param>
/// <param name="WarehouseVersion">The warehouse's version.</param>
/// <param name="RowsCompared">Rows recomputed from the facts and the areas.</param>
/// <param name="DifferenceCount">Differences found (rows and inputs).</param>
/// <param name="Differences">The first of them, each a sentence naming the indicator, level, area, period and column.</param>
public sealed record RollupCheckResult(long RollupVersion, long WarehouseVersion, int RowsCompared, long DifferenceCount, IReadOnlyList<string> Differences)
{
    /// <summary>The engine may read them: they are marked exact at the warehouse's version.</summary>
    public bool IsCurrent => RollupVersion == WarehouseVersion;

    /// <summary>Current and equal to the facts.</summary>
    public bool IsEqual => IsCurrent && DifferenceCount == 0;
}
