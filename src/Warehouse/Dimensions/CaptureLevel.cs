namespace Governance.Warehouse.Dimensions;

/// <summary>Which kind of area reports a base indicator (填报主体); the same rule defines the units expected to report.</summary>
public enum CaptureLevel
{
    /// <summary>Administrative villages (村委会) only.</summary>
    Villages = 1,

    /// <summary>Communities (社区/居委会) only.</summary>
    Communities = 2,

    /// <summary>Villages and communities: the village level of the hierarchy.</summary>
    VillagesAndCommunities = 3,

    /// <summary>Townships, towns and streets (乡镇街道).</summary>
    Townships = 4,
}
