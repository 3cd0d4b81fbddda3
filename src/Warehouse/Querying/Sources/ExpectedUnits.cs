namespace Governance.Warehouse.Querying.Sources;

/// <summary>How many units are expected to report in an area group and period.</summary>
internal sealed record ExpectedUnits(string GroupCode, string PeriodKey, int Count);
