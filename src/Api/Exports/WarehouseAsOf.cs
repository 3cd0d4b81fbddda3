using System.Globalization;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Exports;

/// <summary>
/// How current the warehouse is: the finish time of its newest batch that loaded (dry runs, rejected and failed batches
/// changed nothing). Under PostgreSQL's row-level security it is the newest batch the caller's scope sees.
/// </summary>
public sealed record WarehouseAsOf(DateTimeOffset? LoadedAt)
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
        return new WarehouseAsOf(loadedAt);
    }

    public string Describe() => LoadedAt is { } at
        ? at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) + " (最新入库批次 newest load)"
        : "尚无入库批次 nothing loaded yet";
}
