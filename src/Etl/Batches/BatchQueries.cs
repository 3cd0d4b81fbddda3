using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Batches;

/// <summary>Reads the load bookkeeping (etl_load_batch, etl_reject, etl_warning) for the <c>batches</c> command.</summary>
public sealed class BatchQueries(IDbContextFactory<WarehouseDbContext> factory)
{
    public async Task<IReadOnlyList<LoadBatch>> RecentAsync(int last, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.LoadBatches.AsNoTracking()
            .OrderByDescending(b => b.LoadBatchId)
            .Take(last)
            .ToListAsync(cancellationToken);
    }

    /// <summary>The batch with its rejects (in file order) and warnings, or null when there is no such batch.</summary>
    public async Task<BatchDetail?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = await db.LoadBatches.AsNoTracking().SingleOrDefaultAsync(b => b.LoadBatchId == id, cancellationToken);
        if (batch is null)
        {
            return null;
        }

        var rejects = await db.LoadRejects.AsNoTracking()
            .Where(r => r.LoadBatchId == id)
            .OrderBy(r => r.Sheet).ThenBy(r => r.LineNumber).ThenBy(r => r.LoadRejectId)
            .ToListAsync(cancellationToken);
        var warnings = await db.LoadWarnings.AsNoTracking()
            .Where(w => w.LoadBatchId == id)
            .OrderBy(w => w.LoadWarningId)
            .ToListAsync(cancellationToken);
        return new BatchDetail(batch, rejects, warnings);
    }
}
