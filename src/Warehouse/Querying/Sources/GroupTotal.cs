namespace Governance.Warehouse.Querying.Sources;

/// <summary>One row of the grouped query: the totals of one input for an area group and a target period.</summary>
/// <remarks>Initialised by members (not a constructor) so that the database can sort and page on them.</remarks>
internal sealed class GroupTotal
{
    public required string GroupCode { get; init; }

    public required string PeriodKey { get; init; }

    public int Role { get; init; }

    public double Sum { get; init; }

    public double Weight { get; init; }

    public int Meeting { get; init; }

    public int Units { get; init; }
}
