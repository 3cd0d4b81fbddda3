namespace Governance.Warehouse.Querying.Contracts;

/// <summary>One page of sorted observations, and the count of all rows when it was asked for.</summary>
public sealed record ObservationPage(IReadOnlyList<Observation> Rows, int? TotalCount);
