using System.Globalization;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Exports;

/// <summary>
/// How current the warehouse is: the finish time of its newest batch that loaded (dry runs, rejected and failed batches
/// changed nothing), and the warehouse version (<see cref="WarehouseVersion"/>) read on the same connection, which names
/// exactly which state of the warehouse a spreadsheet shows. Under PostgreSQL's row-level security the batch is the
/// newest the caller's scope sees.
/// </summary>
public sealed record WarehouseAsOf(DateTimeOffset? LoadedAt, long? Version = null)
{
    public static async Task<WarehouseAsOf> ReadAsync(IDbContextFactory<WarehouseDbContext> factory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var loadedAt = await db.LoadBatches.AsNoTracking()
            .Where(b => b.Status == LoadBatchStatus.Loaded && !b.IsDryRun && b.FinishedAt != null)
            .OrderByDescending(b => b.LoadBatchId)
            .Select(b => b.FinishedAt)
            .FirstOrDefaultAsync(cancellationToken);
        var version = await WarehouseVersion.ReadAsync(db.Database.GetDbConnection(), cancellationToken);
        return new WarehouseAsOf(loadedAt, version);
    }

    public string Describe() => (LoadedAt is { } at
        ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + " (最新入库批次 newest load)"
        : "尚无入库批次 nothing loaded yet")
        + (Version is { } version ? string.Create(CultureInfo.InvariantCulture, $", 仓库版本 warehouse version {version}") : "");
}
