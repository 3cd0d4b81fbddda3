namespace Governance.Warehouse.Dimensions;

/// <summary>Kind of area, derived from the digits of its division code.</summary>
public enum AreaKind
{
    /// <summary>Province, prefecture or county: no kind of its own.</summary>
    Other = 0,

    /// <summary>街道: township digits 001-099.</summary>
    Street = 1,

    /// <summary>镇: township digits 100-199.</summary>
    Town = 2,

    /// <summary>乡: township digits 200-399.</summary>
    Township = 3,

    /// <summary>社区/居委会: village digits 001-199.</summary>
    Community = 4,

    /// <summary>村委会: village digits 200-399.</summary>
    Village = 5,
}
