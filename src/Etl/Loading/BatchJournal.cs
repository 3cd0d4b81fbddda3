using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Loading;

/// <summary>
/// The etl_load_batch bookkeeping. A batch row is committed as Running before the load's transaction starts, so that a
/// killed load leaves a visible trace; the next load (under the writer lock) marks such a batch Failed.
/// </summary>
internal static class BatchJournal
{
    public static async Task<LoadBatch> StartAsync(IDbContextFactory<WarehouseDbContext> factory, LoadBatchKind kind, string fileName, string sha256, bool dryRun, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var batch = new LoadBatch
        {
            Kind = kind,
            FileName = fileName.Length > 400 ? fileName[^400..] : fileName,
            FileSha256 = sha256,
            IsDryRun = dryRun,
            Status = LoadBatchStatus.Running,
            StartedAt = DateTimeOffset.UtcNow,
        };
        db.LoadBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        return batch;
    }

    /// <summary>Marks Running batches other than this one Failed: only a killed process leaves one behind once the lock is ours.</summary>
    public static Task<int> FailAbandonedAsync(WarehouseDbContext db, long ownBatchId, CancellationToken cancellationToken) =>
        db.LoadBatches
            .Where(b => b.Status == LoadBatchStatus.Running && b.LoadBatchId < ownBatchId)
            .ExecuteUpdateAsync(
                s => s.SetProperty(b => b.Status, LoadBatchStatus.Failed)
                    .SetProperty(b => b.Message, "中断：进程在提交前停止，本批次未写入任何数据 / interrupted before commit; nothing of this batch was written")
                    .SetProperty(b => b.FinishedAt, DateTimeOffset.UtcNow),
                cancellationToken);

    /// <summary>The id of an earlier batch that loaded the same bytes, if any.</summary>
    public static async Task<long?> AlreadyLoadedAsync(WarehouseDbContext db, LoadBatchKind kind, string sha256, long ownBatchId, CancellationToken cancellationToken) =>
        await db.LoadBatches
            .Where(b => b.FileSha256 == sha256 && b.Kind == kind && b.Status == LoadBatchStatus.Loaded && b.LoadBatchId != ownBatchId)
            .OrderBy(b => b.LoadBatchId)
            .Select(b => (long?)b.LoadBatchId)
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task FailAsync(IDbContextFactory<WarehouseDbContext> factory, long batchId, string message, string? areaCodePrefix)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.LoadBatches
            .Where(b => b.LoadBatchId == batchId && b.Status == LoadBatchStatus.Running)
            .ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, LoadBatchStatus.Failed)
                .SetProperty(b => b.Message, message.Length > 2000 ? message[..2000] : message)
                .SetProperty(b => b.AreaCodePrefix, areaCodePrefix)
                .SetProperty(b => b.FinishedAt, DateTimeOffset.UtcNow));
    }

    /// <summary>A file rejected before any of its rows could be read (its transaction rolled back): the batch says why.</summary>
    public static async Task RejectWholeAsync(IDbContextFactory<WarehouseDbContext> factory, long batchId, RejectSummary reject, string? areaCodePrefix)
    {
        await using var db = await factory.CreateDbContextAsync();
        var batch = await db.LoadBatches.SingleAsync(b => b.LoadBatchId == batchId && b.Status == LoadBatchStatus.Running);
        (batch.Status, batch.Message, batch.RowsRejected, batch.AreaCodePrefix, batch.FinishedAt) = (LoadBatchStatus.Rejected, Messages.FileRejectedWhole(1), 1, areaCodePrefix, DateTimeOffset.UtcNow);
        AddRejects(db, batchId, [reject]);
        await db.SaveChangesAsync();
    }

    public static void AddRejects(WarehouseDbContext db, long batchId, IEnumerable<RejectSummary> rejects) =>
        db.LoadRejects.AddRange(rejects.Select(r => new LoadReject
        {
            LoadBatchId = batchId,
            Sheet = r.Sheet,
            LineNumber = r.Line,
            ColumnName = r.Column is { Length: > 100 } c ? c[..100] : r.Column,
            Rule = r.Rule,
            RawValue = r.RawValue,
            Message = r.Message.Length > 1000 ? r.Message[..1000] : r.Message,
        }));

    public static LoadResult Result(LoadBatch batch, IReadOnlyList<RejectSummary> rejects, int? validValues = null) => new(
        batch.LoadBatchId,
        batch.FileName,
        batch.Status,
        batch.RowsRead,
        batch.RowsInserted,
        batch.RowsUpdated,
        batch.RowsUnchanged,
        batch.RowsRejected,
        batch.WarningCount,
        rejects.Take(LoadResult.MaxRejectsReported).ToList(),
        batch.Message,
        validValues);
}
