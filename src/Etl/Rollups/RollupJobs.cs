using System.Data;
using Governance.Etl.Loading;
using Governance.Warehouse;
using Governance.Warehouse.Rollups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Etl.Rollups;

/// <summary>
/// <c>governance rollups rebuild</c> in one transaction under the writer lock (loads wait; the API reads the old
/// roll-ups until the commit, then the new ones with the new warehouse version), and <c>rollups check</c> on one
/// snapshot without the lock.
/// </summary>
public sealed class RollupJobs(IDbContextFactory<WarehouseDbContext> factory, ILogger<RollupJobs> logger)
{
    /// <summary>Rebuilds every roll-up and advances the warehouse version; returns the rows written.</summary>
    public async Task<int> RebuildAsync(Action<string>? progress, CancellationToken cancellationToken)
    {
        await using var strategyContext = await factory.CreateDbContextAsync(cancellationToken);
        return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await WriterLock.AcquireAsync(db, cancellationToken);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var rows = await RollupRebuild.RunAsync(db, logger, progress, cancellationToken);
            await WarehouseVersion.AdvanceAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Roll-ups rebuilt: {Rows} rows in {Seconds:0.00} s, warehouse version {Version}", rows, clock.Elapsed.TotalSeconds, await WarehouseVersion.ReadAsync(db, cancellationToken));
            return rows;
        });
    }

    /// <summary>Recomputes every roll-up from the facts on one snapshot and compares; writes nothing but temporary tables.</summary>
    public async Task<RollupCheckResult> CheckAsync(CancellationToken cancellationToken)
    {
        await using var strategyContext = await factory.CreateDbContextAsync(cancellationToken);
        return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();

            // One snapshot of facts and roll-ups; on SQLite a deferred transaction, which takes no write lock.
            await using var transaction = connection is SqliteConnection sqlite
                ? sqlite.BeginTransaction(deferred: true)
                : await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            await db.Database.UseTransactionAsync(transaction, cancellationToken);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var result = await RollupCheck.RunAsync(db, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
            logger.LogInformation(
                "Roll-ups checked: {Rows} rows recomputed in {Seconds:0.00} s, {Differences} differences, exact at version {RollupVersion} of {Version}",
                result.RowsCompared, clock.Elapsed.TotalSeconds, result.DifferenceCount, result.RollupVersion, result.WarehouseVersion);
            return result;
        });
    }
}
