namespace Governance.Warehouse.Maintenance;

/// <summary>A change being committed, on the context (and open transaction) that wrote it.</summary>
/// <param name="Db">The context of the change, inside its transaction.</param>
/// <param name="Kind">What it wrote.</param>
public sealed record WarehouseChange(WarehouseDbContext Db, WarehouseChangeKind Kind)
{
    /// <summary>The load batch of a file (facts, areas, targets); its written rows carry this id.</summary>
    public long? LoadBatchId { get; init; }

    /// <summary>The common prefix of the area codes the file named (areas: the codes and those they replace); null when unknown.</summary>
    public string? AreaCodePrefix { get; init; }

    /// <summary>Areas: the codes whose versions or lineage the file changed; null when unknown (then <see cref="AreaCodePrefix"/>).</summary>
    public IReadOnlyCollection<string>? AreaCodes { get; init; }

    /// <summary>Catalogue: the threshold parameters whose values or validity changed.</summary>
    public IReadOnlyCollection<string> ThresholdParameters { get; init; } = [];

    /// <summary>Catalogue: whether an indicator was added or changed.</summary>
    public bool IndicatorsChanged { get; init; }
}
