namespace Governance.Warehouse.Querying.Contracts;

/// <summary>What the grouped rows can be sorted by.</summary>
public enum ObservationOrderField
{
    Value = 1,
    PeriodGrowth = 2,
    YoyGrowth = 3,
    Area = 4,
    Period = 5,
    Change = 6,
    YoyChange = 7,
}
