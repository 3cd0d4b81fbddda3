namespace Governance.Warehouse.Rollups;

/// <summary>Settings under <c>Warehouse:Rollups</c>.</summary>
public sealed class RollupOptions
{
    /// <summary>
    /// Whether loads and the catalogue seed keep the roll-ups in their transaction. Off, the first change leaves them out
    /// of use (the engine reads the facts) until <c>governance rollups rebuild</c>.
    /// </summary>
    public bool Maintain { get; set; } = true;

    /// <summary>Whether the engine answers from current roll-ups where they cover a request; off, always from the facts.</summary>
    public bool Use { get; set; } = true;
}
