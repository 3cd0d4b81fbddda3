namespace Governance.Warehouse.Facts;

/// <summary>Status of a reported value.</summary>
public enum ValueStatus
{
    Reported = 1,
    Estimated = 2,
    Revised = 3,
}
