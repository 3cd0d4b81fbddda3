namespace Governance.Warehouse.Querying;

/// <summary>One row of the grouped query: the totals of one input for an area group and a target period.</summary>
internal sealed record GroupTotal(string GroupCode, string PeriodKey, int Role, double Sum, double Weight, int Meeting, int Units);
