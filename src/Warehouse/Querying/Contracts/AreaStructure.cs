namespace Governance.Warehouse.Querying.Contracts;

/// <summary>Which area hierarchy history is rolled up under.</summary>
public enum AreaStructure
{
    /// <summary>As reported (按原区划): history stays under the codes it was reported for.</summary>
    AsReported = 1,

    /// <summary>As today (按现区划): history of merged areas is mapped through the lineage to their successors.</summary>
    Current = 2,
}
