namespace Governance.Warehouse.Maintenance;

/// <summary>What a committed change wrote.</summary>
public enum WarehouseChangeKind
{
    /// <summary>A batch of indicator values (fct_indicator_value and its history).</summary>
    Facts = 1,

    /// <summary>A division code list (dim_area versions and lineage).</summary>
    Areas = 2,

    /// <summary>Targets (fct_target).</summary>
    Targets = 3,

    /// <summary>The indicator catalogue or its threshold parameters (the seed).</summary>
    Catalogue = 4,
}
