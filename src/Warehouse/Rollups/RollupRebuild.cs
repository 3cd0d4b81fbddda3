using Microsoft.Extensions.Logging;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// <c>governance rollups rebuild</c>: every roll-up made again from the facts and the areas: the totals and expected
/// units (agg_total, agg_expected), then the precomputed distributions (agg_distribution, <see cref="DistributionRollups"/>) and
/// rankings (agg_ranking, <see cref="RankingRollups"/>).
/// </summary>
public static class RollupRebuild
{
    /// <summary>
    /// Rebuilds in the context's open transaction (the caller holds the writer lock) and marks the roll-ups exact at the
    /// version after the current one: the caller advances the <see cref="WarehouseVersion"/> before it commits. Returns
    /// the rows written.
    /// </summary>
    public static async Task<int> RunAsync(WarehouseDbContext db, ILogger logger, Action<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var maintenance = new RollupMaintenance(db, logger);
        var rows = await maintenance.RebuildAsync(progress, cancellationToken);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var distributions = await DistributionRollups.RebuildAsync(db, cancellationToken);
        logger.LogInformation("Distributions: {Rows} rows in {Seconds:0.00} s", distributions, clock.Elapsed.TotalSeconds);
        progress?.Invoke($"distributions: {distributions} rows");
        rows += distributions;
        clock.Restart();
        var rankings = await RankingRollups.RebuildAsync(db, cancellationToken);
        logger.LogInformation("Rankings: {Rows} rows in {Seconds:0.00} s", rankings, clock.Elapsed.TotalSeconds);
        progress?.Invoke($"rankings: {rankings} rows");
        rows += rankings;
        await maintenance.MarkCurrentAsync(await WarehouseVersion.ReadAsync(db, cancellationToken) + 1, cancellationToken);
        return rows;
    }
}
