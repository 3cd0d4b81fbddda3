using Governance.Etl.Readers;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Serilog.Context;

namespace Governance.Etl.Loading;

/// <summary>
/// The frame every loader shares: hash the file, commit a Running batch, then in one transaction under the writer lock
/// fail abandoned batches, skip a file already loaded, run the loader's body, record its rejects and the batch's end,
/// and (when the batch loaded) run the maintainers (the roll-ups) and advance the <see cref="WarehouseVersion"/>.
/// </summary>
internal static class LoadRun
{
    /// <summary>
    /// What a loader's body found: its rejects, (indicator reports) how many values passed every rule, and (code lists)
    /// the codes whose versions or lineage it changed.
    /// </summary>
    public sealed record Outcome(IReadOnlyList<RejectSummary> Rejects, int? ValidValues = null, IReadOnlyCollection<string>? AreaCodes = null);

    /// <summary>The common prefix of the area codes the body had read when it ended, however it ended.</summary>
    private sealed class NamedAreas
    {
        public string? Prefix { get; set; }
    }

    public delegate Task<Outcome> Body(WarehouseDbContext db, LoadBatch batch, LoadPhases phases, CancellationToken cancellationToken);

    public static async Task<LoadResult> RunAsync(IDbContextFactory<WarehouseDbContext> factory, IEnumerable<IWarehouseMaintainer> maintainers, ILogger logger, LoadBatchKind kind, string path, LoadOptions options, Body body, CancellationToken cancellationToken)
    {
        var fullPath = Path.GetFullPath(path);
        string sha;
        try
        {
            // A link, pipe or device is refused before it is opened: no batch, nothing read (RegularFile).
            if (RegularFile.NotRegular(fullPath) is null && !File.Exists(fullPath))
            {
                return new LoadResult(null, fullPath, LoadBatchStatus.Failed, 0, 0, 0, 0, 0, 0, [], $"文件不存在 / file not found: {fullPath}");
            }

            sha = await FileHash.Sha256Async(fullPath, cancellationToken);
        }
        catch (UnreadableFileException e)
        {
            logger.LogWarning("File {FileName} refused: {Problem}", fullPath, e.Message);
            var refusal = new RejectSummary(null, null, null, e.Rule, null, e.Message);
            return new LoadResult(null, fullPath, LoadBatchStatus.Rejected, 0, 0, 0, 0, 1, 0, [refusal], e.Message);
        }

        // The batch records the file's name, not where it lies on the server (the API shows batches to analysts).
        LoadBatch started;
        try
        {
            started = await BatchJournal.StartAsync(factory, kind, Path.GetFileName(fullPath), sha, options.DryRun, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No batch row could be written (the warehouse is down): Failed, so the file is kept for the next run; one line, the exception at Debug.
            var message = $"导入未开始 / the load did not start: {Innermost(e)}";
            logger.LogError("{FileName}: {Message}", Path.GetFileName(fullPath), message);
            logger.LogDebug(e, "{FileName}: the batch could not be started", Path.GetFileName(fullPath));
            return new LoadResult(null, fullPath, LoadBatchStatus.Failed, 0, 0, 0, 0, 0, 0, [], message);
        }

        using var _ = LogContext.PushProperty("LoadBatchId", started.LoadBatchId);
        var named = new NamedAreas(); // what the body read before it failed: scopes a Failed or wholly Rejected batch
        logger.LogInformation("Batch {LoadBatchId}: loading {Kind} from {FileName} (SHA-256 {Sha256})", started.LoadBatchId, kind, fullPath, sha);
        try
        {
            await using var strategyContext = await factory.CreateDbContextAsync(cancellationToken);
            var strategy = strategyContext.Database.CreateExecutionStrategy();
            var result = await strategy.ExecuteAsync(() => RunOnceAsync(factory, maintainers, logger, started.LoadBatchId, kind, sha, options, body, named, cancellationToken)) with { FileName = fullPath };
            logger.LogInformation(
                "Batch {LoadBatchId}: {Status}; {RowsRead} rows read, {Inserted} inserted, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected, {Warnings} warnings",
                result.LoadBatchId, result.Status, result.RowsRead, result.Inserted, result.Updated, result.Unchanged, result.Rejected, result.Warnings);
            return result;
        }
        catch (UnreadableFileException e)
        {
            logger.LogWarning("Batch {LoadBatchId}: {FileName} rejected [{Rule}], {Problem}", started.LoadBatchId, Path.GetFileName(fullPath), e.Rule, e.Message);
            var reject = new RejectSummary(null, null, null, e.Rule, null, e.Message);
            await BatchJournal.RejectWholeAsync(factory, started.LoadBatchId, reject, named.Prefix);
            return new LoadResult(started.LoadBatchId, fullPath, LoadBatchStatus.Rejected, 0, 0, 0, 0, 1, 0, [reject], Messages.FileRejectedWhole(1));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Batch {LoadBatchId}: failed", started.LoadBatchId);
            await BatchJournal.FailAsync(factory, started.LoadBatchId, e.Message, named.Prefix);
            return new LoadResult(started.LoadBatchId, fullPath, LoadBatchStatus.Failed, 0, 0, 0, 0, 0, 0, [], e.Message);
        }
        catch (OperationCanceledException)
        {
            await BatchJournal.FailAsync(factory, started.LoadBatchId, "cancelled / 已取消", named.Prefix);
            throw;
        }
    }

    private static string Innermost(Exception exception)
    {
        var inner = exception;
        while (inner.InnerException is not null && inner is AggregateException or InvalidOperationException)
        {
            inner = inner.InnerException;
        }

        return $"{inner.GetType().Name}: {inner.Message}".ReplaceLineEndings(" ");
    }

    private static string? StatisticsSql(WarehouseProvider provider, LoadBatchKind kind) => provider switch
    {
        WarehouseProvider.Sqlite => "PRAGMA analysis_limit = 1000; ANALYZE;",
        WarehouseProvider.Postgres => kind switch
        {
            LoadBatchKind.IndicatorValues => "ANALYZE fct_indicator_value; ANALYZE fct_indicator_value_history",
            LoadBatchKind.Areas => "ANALYZE dim_area; ANALYZE dim_area_lineage",
            _ => "ANALYZE fct_target",
        },
        _ => null, // SQL Server updates statistics automatically before it plans a query on changed tables
    };

    private static WarehouseChangeKind ChangeKind(LoadBatchKind kind) => kind switch
    {
        LoadBatchKind.IndicatorValues => WarehouseChangeKind.Facts,
        LoadBatchKind.Areas => WarehouseChangeKind.Areas,
        _ => WarehouseChangeKind.Targets,
    };

    private static async Task<LoadResult> RunOnceAsync(IDbContextFactory<WarehouseDbContext> factory, IEnumerable<IWarehouseMaintainer> maintainers, ILogger logger, long batchId, LoadBatchKind kind, string sha, LoadOptions options, Body body, NamedAreas named, CancellationToken cancellationToken)
    {
        var phases = new LoadPhases();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        await WriterLock.AcquireAsync(db, cancellationToken);
        phases.Mark("writer lock");
        await BatchJournal.FailAbandonedAsync(db, batchId, cancellationToken);
        var batch = await db.LoadBatches.SingleAsync(b => b.LoadBatchId == batchId, cancellationToken);
        var outcome = new Outcome([]);
        if (!options.DryRun && await BatchJournal.AlreadyLoadedAsync(db, kind, sha, batchId, cancellationToken) is { } earlier)
        {
            batch.Status = LoadBatchStatus.Skipped;
            batch.Message = $"同一文件（SHA-256 相同）已由批次 {earlier} 导入，跳过 / the same file (same SHA-256) was already loaded as batch {earlier}; skipped";
        }
        else
        {
            try
            {
                outcome = await body(db, batch, phases, cancellationToken);
            }
            finally
            {
                named.Prefix = batch.AreaCodePrefix;
            }

            BatchJournal.AddRejects(db, batchId, outcome.Rejects);
        }

        batch.FinishedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        phases.Mark("journal");
        if (batch.Status == LoadBatchStatus.Loaded)
        {
            if (StatisticsSql(db.Provider, kind) is { } analyze)
            {
                // Fresh statistics in the load's own transaction, so the first query after a load (the maintainers'
                // included) is planned on them. SQLite keeps none unless ANALYZE runs: with them, a query within a county
                // or for a page of villages starts from the areas instead of scanning the indicator's facts (54 ms to
                // 7 ms, 16 ms to 0.2 ms at 25,000 villages). PostgreSQL's autovacuum catches up about a minute later; a
                // township query planned before then ran at twice its time. Both sample (SQLite 1,000 rows an index).
                await db.Database.ExecuteSqlRawAsync(analyze, cancellationToken);
                phases.Mark("statistics");
            }

            // What is derived from the warehouse (roll-ups) follows the batch in its transaction, before the version
            // advances: it becomes visible with the facts, areas or targets it follows, or the load fails whole.
            var change = new WarehouseChange(db, ChangeKind(kind)) { LoadBatchId = batchId, AreaCodePrefix = batch.AreaCodePrefix, AreaCodes = outcome.AreaCodes };
            foreach (var maintainer in maintainers)
            {
                await maintainer.MaintainAsync(change, cancellationToken);
                phases.Mark(maintainer.Name);
            }

            // In the load's transaction: the new version becomes visible with the facts, areas or targets it wrote, so
            // every answer cached at an older version is unreachable from the commit on (a dry run, a rejected or
            // skipped file changes nothing an answer shows and leaves the version as it was).
            await WarehouseVersion.AdvanceAsync(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        phases.Mark("commit");
        logger.LogInformation("Batch {LoadBatchId}: took {Phases}", batchId, phases);
        return BatchJournal.Result(batch, outcome.Rejects, outcome.ValidValues);
    }
}
