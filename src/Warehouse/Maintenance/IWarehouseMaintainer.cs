namespace Governance.Warehouse.Maintenance;

/// <summary>
/// Keeps something derived from the warehouse (roll-ups, precomputed distributions) in step with a change: called, in
/// the order registered, inside the change's own transaction after it is written and just before the
/// <see cref="WarehouseVersion"/> advances by one, so what it writes becomes visible with the change, or not at all.
/// </summary>
public interface IWarehouseMaintainer
{
    /// <summary>What it keeps, for logs: "roll-ups".</summary>
    string Name { get; }

    Task MaintainAsync(WarehouseChange change, CancellationToken cancellationToken);
}
