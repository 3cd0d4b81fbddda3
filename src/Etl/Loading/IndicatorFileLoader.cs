using Governance.Etl.Readers;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Maintenance;
using Governance.Warehouse.Rollups;
using Governance.Warehouse.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Loading;

/// <summary>
/// Loads one indicator report (long or wide CSV/XLSX) as one batch in one transaction: rows are validated while they
/// stream into a staging table, the file-wide rules run set-based, then the valid values are merged into
/// fct_indicator_value (superseded values to history). Any reject rejects the file unless SkipInvalidRows is set.
/// </summary>
public sealed class IndicatorFileLoader(IDbContextFactory<WarehouseDbContext> factory, IOptions<LoadingOptions> settings, ILogger<IndicatorFileLoader> logger, IEnumerable<IWarehouseMaintainer>? maintainers = null)
{
    private readonly IEnumerable<IWarehouseMaintainer> _maintainers = maintainers ?? WarehouseMaintainers.Default;

    private const int ProgressEvery = 1_000;

    public async Task<LoadResult> LoadAsync(string path, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        return await LoadRun.RunAsync(factory, _maintainers, logger, LoadBatchKind.IndicatorValues, path, options, (db, batch, phases, ct) => LoadBatchAsync(db, batch, phases, path, options, ct), cancellationToken);
    }

    private async Task<LoadRun.Outcome> LoadBatchAsync(WarehouseDbContext db, LoadBatch batch, LoadPhases phases, string path, LoadOptions options, CancellationToken cancellationToken)
    {
        var indicators = new IndicatorLookup(await db.Indicators.AsNoTracking().ToListAsync(cancellationToken));
        var areaRows = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var areas = new AreaLookup(areaRows);
        var rejects = new RejectCollector();
        var connection = db.Database.GetDbConnection();
        await using var staging = FactStaging.For(db.Provider, connection, db.Database.CurrentTransaction!.GetDbTransaction());
        await staging.CreateAsync(cancellationToken);
        phases.Mark("dimensions");
        var reader = new ReportReader(indicators, rejects);
        var names = new AreaNameCheck(areas);
        var validator = new FactValidator(indicators, areas, rejects, names);
        var keys = new StagedKeys(areaRows.Count == 0 ? 0 : areaRows.Max(a => a.AreaSk));
        var named = new CommonAreaPrefix();
        var years = new HashSet<int>();
        await using (var file = TabularFile.Open(path, settings.Value.Limits))
        {
            long seq = 0;
            var (reported, logged) = (0, 0);
            await foreach (var entry in reader.ReadAsync(file, options.PeriodOverride, cancellationToken))
            {
                named.Add(entry.AreaCode);
                batch.AreaCodePrefix = named.Value; // kept current, so a file failing half-way is still scoped by what was read
                if (validator.Validate(entry) is { } fact)
                {
                    keys.Add(fact.AreaSk, fact.PeriodSk, fact.IndicatorSk);
                    years.Add(PeriodSurrogateKey.YearOf(fact.PeriodSk));
                    await staging.AddAsync(++seq, fact, cancellationToken);
                }

                if (reader.DataRows - reported >= ProgressEvery)
                {
                    reported = reader.DataRows;
                    options.Progress?.Report(new LoadProgress(path, reported, file.BytesRead, file.TotalBytes));
                    if (reported - logged >= settings.Value.ProgressLogRows)
                    {
                        logged = reported;
                        logger.LogInformation("Batch {LoadBatchId}: {RowsRead} rows read, {Staged} values staged", batch.LoadBatchId, reported, staging.Count);
                    }
                }
            }

            options.Progress?.Report(new LoadProgress(path, reader.DataRows, file.TotalBytes, file.TotalBytes));
        }

        phases.Mark("read, validate, stage");
        await staging.CompleteAsync(cancellationToken);
        phases.Mark("index staging");
        // A clean file has no repeated key, so the duplicate query over the whole staging table is not needed.
        HashSet<long> excluded = keys.Repeats == 0 ? [] : [.. await StagingChecks.DuplicatesAsync(staging, rejects, cancellationToken)];
        phases.Mark("duplicates");
        excluded.UnionWith(await StagingChecks.PartsExceedingWholeAsync(staging, indicators.BySk, rejects, cancellationToken));
        phases.Mark("part > whole");
        batch.RowsRead = reader.DataRows;
        batch.RowsRejected = rejects.Count;
        var valid = (int)(staging.Count - excluded.Count);
        foreach (var warning in names.Warnings)
        {
            // A name that does not match is worth knowing whatever becomes of the file, so it is recorded in every outcome.
            warning.LoadBatchId = batch.LoadBatchId;
        }

        db.LoadWarnings.AddRange(names.Warnings);
        batch.WarningCount = names.Warnings.Count;
        if (options.DryRun || (rejects.Count > 0 && !options.SkipInvalidRows))
        {
            batch.Status = options.DryRun ? LoadBatchStatus.DryRun : LoadBatchStatus.Rejected;
            batch.Message = options.DryRun ? Messages.DryRun(valid, rejects.Count, options.SkipInvalidRows) : Messages.FileRejectedWhole(rejects.Count, valid);
            await DropAsync(db, staging, cancellationToken);
            return new LoadRun.Outcome(rejects.All, valid);
        }

        await staging.RemoveAsync(excluded, cancellationToken);
        if (areaRows.Count != areas.CodeCount)
        {
            await staging.AdoptLoadedVersionsAsync(cancellationToken); // some code has several versions
        }

        var areaCodes = areaRows.ToDictionary(a => a.AreaSk, a => a.AreaCode);
        var warnings = staging.PairsBeforeMerge ? await DetectOutliersAsync() : [];
        var now = DateTimeOffset.UtcNow;
        if (db.Provider == WarehouseProvider.Postgres)
        {
            await EnsurePartitionsAsync(years, batch.LoadBatchId, cancellationToken);
        }

        var (inserted, updated, unchanged) = await staging.MergeAsync(batch.LoadBatchId, now, cancellationToken);
        phases.Mark("merge");
        if (!staging.PairsBeforeMerge)
        {
            warnings = await DetectOutliersAsync();
        }

        db.LoadWarnings.AddRange(warnings);
        await RefreshRollupsAsync(db, keys, areaCodes, years, batch.LoadBatchId, cancellationToken);
        phases.Mark("roll-ups");
        (batch.RowsInserted, batch.RowsUpdated, batch.RowsUnchanged, batch.WarningCount) = (inserted, updated, unchanged, names.Warnings.Count + warnings.Count);
        batch.Status = LoadBatchStatus.Loaded;
        batch.Message = rejects.Count > 0
            ? $"已导入有效数据，跳过 {rejects.Count} 个问题 / loaded the valid values, {rejects.Count} rejected"
            : null;
        await DropAsync(db, staging, cancellationToken);
        return new LoadRun.Outcome(rejects.All, valid);

        async Task<IReadOnlyList<LoadWarning>> DetectOutliersAsync()
        {
            var found = await OutlierDetector.DetectAsync(staging, batch.LoadBatchId, indicators.BySk, areaCodes, settings.Value, cancellationToken);
            phases.Mark("outliers");
            return found;
        }
    }

    /// <summary>
    /// The roll-ups of what the batch wrote, in its transaction, so facts and roll-ups become visible together: the
    /// precomputed distributions of each (indicator, period) it staged, and the rankings of those periods and of the
    /// periods a year later (their growth changed), for the areas holding a unit it staged. When the
    /// staged keys could not all be kept, every summed indicator's periods of the file's years, for every area.
    /// </summary>
    private async Task RefreshRollupsAsync(WarehouseDbContext db, StagedKeys keys, Dictionary<int, string> areaCodes, HashSet<int> years, long batchId, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int written, ranked;
        if (keys.Overflowed)
        {
            var (low, high) = years.Count == 0 ? (0, -1) : PeriodSurrogateKey.YearRange(years.Min(), years.Max());
            var pairs = await db.IndicatorValues.Where(v => v.PeriodSk >= low && v.PeriodSk <= high).Select(v => new { v.IndicatorSk, v.PeriodSk }).Distinct().ToListAsync(cancellationToken);
            written = await DistributionRollups.RefreshAsync(db, pairs.Select(p => (p.IndicatorSk, p.PeriodSk)), null, cancellationToken);
            ranked = await RankingRollups.RefreshAsync(db, pairs.Select(p => (p.IndicatorSk, p.PeriodSk)), null, cancellationToken);
        }
        else
        {
            var units = keys.AreaSks().Select(sk => areaCodes.GetValueOrDefault(sk)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            written = await DistributionRollups.RefreshAsync(db, keys.Pairs, units, cancellationToken);
            ranked = await RankingRollups.RefreshAsync(db, keys.Pairs, units, cancellationToken);
        }

        logger.LogInformation("Batch {LoadBatchId}: {Rows} distribution and {Ranked} ranking roll-up rows refreshed in {Seconds:0.00} s", batchId, written, ranked, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// PostgreSQL: the year partitions of the facts and their history exist for every year of the file before it is
    /// written (<see cref="PartitionedFacts"/>). On a connection of its own, committed at once: a new year's partition is
    /// attached without the load's transaction holding its lock until the load ends. Known years cost one catalog look-up.
    /// </summary>
    private async Task EnsurePartitionsAsync(HashSet<int> years, long batchId, CancellationToken cancellationToken)
    {
        if (years.Count == 0)
        {
            return;
        }

        await using var other = await factory.CreateDbContextAsync(cancellationToken);
        var connection = other.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = PartitionedFacts.Ensure(years);
        var made = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (made > 0)
        {
            logger.LogInformation("Batch {LoadBatchId}: {Made} year partitions of the facts and their history created for years {Years}", batchId, made, string.Join(", ", years.Order()));
        }
    }

    private static async Task DropAsync(WarehouseDbContext db, FactStaging staging, CancellationToken cancellationToken)
    {
        await staging.DisposeAsync();
        if (db.Provider == WarehouseProvider.Sqlite)
        {
            // SQLite keeps temporary tables for the life of the (pooled) connection.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS temp.stg_fact", cancellationToken);
        }
    }
}
