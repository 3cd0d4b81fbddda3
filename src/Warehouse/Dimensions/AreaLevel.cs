namespace Governance.Warehouse.Dimensions;

/// <summary>Level of an area in the administrative hierarchy (行政层级).</summary>
public enum AreaLevel
{
    Province = 1,
    Prefecture = 2,
    County = 3,
    Township = 4,
    Village = 5,
}
