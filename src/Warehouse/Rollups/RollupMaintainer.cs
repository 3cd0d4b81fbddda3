using Governance.Warehouse.Maintenance;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Keeps the roll-ups in the transaction of every load and catalogue seed, while they are current: it refreshes what the
/// change touched and marks them exact at the version the commit brings. When they are not current (maintenance was off
/// for a change, or something wrote around the ETL) it leaves them so, and the engine reads the facts, until
/// <c>governance rollups rebuild</c>. With <c>Warehouse:Rollups:Maintain</c> off it does nothing, which puts them out of
/// use at the first change.
/// </summary>
public sealed class RollupMaintainer(WarehouseSettings? settings = null, ILogger<RollupMaintainer>? logger = null) : IWarehouseMaintainer
{
    private readonly ILogger _logger = logger ?? NullLogger<RollupMaintainer>.Instance;

    public string Name => "roll-up totals";

    public async Task MaintainAsync(WarehouseChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (settings is { MaintainRollups: false })
        {
            return;
        }

        var maintenance = new RollupMaintenance(change.Db, _logger);
        var version = await WarehouseVersion.ReadAsync(change.Db, cancellationToken);
        var state = await maintenance.StateAsync(cancellationToken);
        if (state.Version != version)
        {
            _logger.LogInformation(
                "Roll-ups are out of use (exact at warehouse version {RollupVersion}, the warehouse is at {Version}): not kept; `governance rollups rebuild` makes them current",
                state.Version, version);
            return;
        }

        switch (change.Kind)
        {
            case WarehouseChangeKind.Facts when change.LoadBatchId is { } batch:
                await maintenance.AfterFactsAsync(batch, cancellationToken);
                break;
            case WarehouseChangeKind.Areas:
                await maintenance.AfterAreasAsync(change.LoadBatchId ?? 0, change.AreaCodes, change.AreaCodePrefix, cancellationToken);
                break;
            case WarehouseChangeKind.Catalogue:
                await maintenance.AfterCatalogueAsync(change.ThresholdParameters, cancellationToken);
                break;
            default:
                break; // targets: nothing a roll-up holds
        }

        await maintenance.MarkCurrentAsync(version + 1, cancellationToken);
    }
}
