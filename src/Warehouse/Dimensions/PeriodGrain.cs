namespace Governance.Warehouse.Dimensions;

/// <summary>Grain of a reporting period, coarsest first.</summary>
public enum PeriodGrain
{
    Year = 1,
    Quarter = 2,
    Month = 3,
}
