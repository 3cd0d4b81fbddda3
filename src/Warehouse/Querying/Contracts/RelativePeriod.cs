namespace Governance.Warehouse.Querying.Contracts;

/// <summary>Periods relative to today, as DHIS2 names them: "last" periods are complete ones and exclude the current one.</summary>
public enum RelativePeriod
{
    ThisYear = 1,
    LastYear = 2,
    Last3Years = 3,
    Last5Years = 4,
    Last4Quarters = 5,
    Last12Months = 6,
}
