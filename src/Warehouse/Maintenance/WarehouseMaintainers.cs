using Governance.Warehouse.Rollups;

namespace Governance.Warehouse.Maintenance;

/// <summary>The maintainers a change runs when no host supplies them (code and tests that build loaders themselves).</summary>
public static class WarehouseMaintainers
{
    /// <summary>Roll-ups, with the default settings.</summary>
    public static IReadOnlyList<IWarehouseMaintainer> Default { get; } = [new RollupMaintainer()];

    /// <summary>Runs each maintainer in order on the change.</summary>
    public static async Task RunAsync(IEnumerable<IWarehouseMaintainer> maintainers, WarehouseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(maintainers);
        foreach (var maintainer in maintainers)
        {
            await maintainer.MaintainAsync(change, cancellationToken);
        }
    }
}
