namespace Governance.Warehouse.Dimensions;

/// <summary>How a unit's value is compared with a threshold.</summary>
public enum ThresholdComparison
{
    LessThan = 1,
    LessThanOrEqual = 2,
    GreaterThanOrEqual = 3,
    GreaterThan = 4,
    Equal = 5,
}
