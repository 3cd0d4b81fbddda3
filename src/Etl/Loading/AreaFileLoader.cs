using Governance.Etl.Readers;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Loading;

/// <summary>
/// Loads a division code list (code, name, optional urban_rural, valid_from, valid_to, replaces) into dim_area as type-2
/// versions: a new name or class closes the current version the day before valid_from and opens another; replaces
/// records the merge in dim_area_lineage and closes the replaced areas. Validity intervals never overlap. The rows are
/// staged and compared in the database (<see cref="AreaStaging"/>); those it cannot decide alone go through
/// <see cref="AreaChanges"/>. The national list (669,663 rows) loads in seconds instead of the minutes that writing
/// each area through EF Core's change tracking took.
/// </summary>
public sealed class AreaFileLoader(IDbContextFactory<WarehouseDbContext> factory, ILogger<AreaFileLoader> logger, IOptions<LoadingOptions>? settings = null, IEnumerable<IWarehouseMaintainer>? maintainers = null)
{
    private const int ProgressEvery = 1_000;
    private readonly IEnumerable<IWarehouseMaintainer> _maintainers = maintainers ?? WarehouseMaintainers.Default;

    public Task<LoadResult> LoadAsync(string path, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoadRun.RunAsync(factory, _maintainers, logger, LoadBatchKind.Areas, path, options, (db, batch, phases, ct) => LoadBatchAsync(db, batch, path, options, phases, ct), cancellationToken);
    }

    private async Task<LoadRun.Outcome> LoadBatchAsync(WarehouseDbContext db, LoadBatch batch, string path, LoadOptions options, LoadPhases phases, CancellationToken cancellationToken)
    {
        var loading = settings?.Value ?? new LoadingOptions();
        var rejects = new RejectCollector();
        var reader = new NamedColumnReader(AreaColumns.All, AreaColumns.Code, rejects);
        var named = new CommonAreaPrefix();
        var now = DateTimeOffset.UtcNow;
        await using var staging = new AreaStaging(db.Provider, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction());
        await staging.CreateAsync(cancellationToken);
        await using (var file = TabularFile.Open(path, loading.Limits))
        {
            var (reported, logged) = (0, 0);
            await foreach (var row in reader.ReadAsync(file, cancellationToken))
            {
                named.Add(row[AreaColumns.Code]);
                if (AreaRow.Parse(row, rejects) is { } area)
                {
                    foreach (var replaced in area.Replaces)
                    {
                        named.Add(replaced);
                    }

                    await staging.AddAsync(area, cancellationToken);
                }

                batch.AreaCodePrefix = named.Value; // kept current, so a file failing half-way is still scoped by what was read
                if (reader.DataRows - reported >= ProgressEvery)
                {
                    reported = reader.DataRows;
                    options.Progress?.Report(new LoadProgress(path, reported, file.BytesRead, file.TotalBytes));
                    if (reported - logged >= loading.ProgressLogRows)
                    {
                        logged = reported;
                        logger.LogInformation("Batch {LoadBatchId}: {RowsRead} rows read, {Staged} areas staged", batch.LoadBatchId, reported, staging.Count);
                    }
                }
            }

            options.Progress?.Report(new LoadProgress(path, reader.DataRows, file.TotalBytes, file.TotalBytes));
        }

        phases.Mark("read, validate, stage");
        await staging.ClassifyAsync(phases, cancellationToken);
        phases.Mark("compare");
        var rows = await staging.MemoryRowsAsync(cancellationToken);
        var existing = rows.Count == 0 ? [] : await db.Areas.FromSqlRaw(staging.MemoryVersionsSql).AsNoTracking().ToListAsync(cancellationToken);
        var lineage = rows.Count == 0 ? [] : await db.AreaLineage.FromSqlRaw(staging.MemoryLineageSql).AsNoTracking().Select(l => new { l.AreaCode, l.ReplacedCode }).ToListAsync(cancellationToken);
        var changes = new AreaChanges(existing, lineage.Select(l => (l.AreaCode, l.ReplacedCode)), rejects, now);
        foreach (var row in rows)
        {
            changes.Apply(row);
        }

        foreach (var row in rows.Where(r => r.Replaces.Count > 0))
        {
            changes.ApplyReplaces(row);
        }

        phases.Mark($"{rows.Count} rows in memory");
        batch.RowsRead = reader.DataRows;
        batch.RowsRejected = rejects.Count;
        if (options.DryRun || (rejects.Count > 0 && !options.SkipInvalidRows))
        {
            batch.Status = options.DryRun ? LoadBatchStatus.DryRun : LoadBatchStatus.Rejected;
            batch.Message = options.DryRun ? "试运行，未写入 / dry run, nothing written" : Messages.FileRejectedWhole(rejects.Count);
            await staging.DropAsync(cancellationToken);
            return new LoadRun.Outcome(rejects.All);
        }

        var updated = await staging.DecidedChangesAsync(cancellationToken);
        var decided = await staging.ChangedCodesAsync(cancellationToken);
        var inserted = await staging.InsertNewAsync(now, cancellationToken);

        // Every staged row is in one of four sets: decided in memory, new, changed or restating its version.
        var unchanged = checked((int)staging.Count) - rows.Count - inserted - updated;
        phases.Mark("insert new areas and versions");
        await staging.WriteAsync(changes, now, cancellationToken);
        await staging.DropAsync(cancellationToken);
        phases.Mark("write changes");
        (batch.RowsInserted, batch.RowsUpdated, batch.RowsUnchanged) = (inserted + changes.Inserted, updated + changes.Updated, unchanged + changes.Unchanged);
        batch.Status = LoadBatchStatus.Loaded;
        var changed = changes.Added.Concat(changes.Modified).Select(a => a.AreaCode).Concat(changes.Lineage.SelectMany(l => new[] { l.AreaCode, l.ReplacedCode })).Concat(decided);
        return new LoadRun.Outcome(rejects.All, AreaCodes: changed.ToHashSet(StringComparer.Ordinal));
    }
}
