using Governance.Etl.Readers;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Loading;

/// <summary>
/// Loads a division code list (code, name, optional urban_rural, valid_from, valid_to, replaces) into dim_area as type-2
/// versions: a new name or class closes the current version the day before valid_from and opens another; replaces
/// records the merge in dim_area_lineage and closes the replaced areas. Validity intervals never overlap.
/// </summary>
public sealed class AreaFileLoader(IDbContextFactory<WarehouseDbContext> factory, ILogger<AreaFileLoader> logger, IOptions<LoadingOptions>? settings = null)
{
    public Task<LoadResult> LoadAsync(string path, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoadRun.RunAsync(factory, logger, LoadBatchKind.Areas, path, options, async (db, batch, phases, ct) => new LoadRun.Outcome(await LoadBatchAsync(db, batch, path, options, settings?.Value.Limits, phases, ct)), cancellationToken);
    }

    private static async Task<IReadOnlyList<RejectSummary>> LoadBatchAsync(WarehouseDbContext db, LoadBatch batch, string path, LoadOptions options, ReadLimits? limits, LoadPhases phases, CancellationToken cancellationToken)
    {
        var rejects = new RejectCollector();
        var rows = new List<AreaRow>();
        var reader = new NamedColumnReader(AreaColumns.All, AreaColumns.Code, rejects);
        var named = new CommonAreaPrefix();
        await using (var file = TabularFile.Open(path, limits))
        {
            await foreach (var row in reader.ReadAsync(file, cancellationToken))
            {
                named.Add(row[AreaColumns.Code]);
                if (AreaRow.Parse(row, rejects) is { } area)
                {
                    foreach (var replaced in area.Replaces)
                    {
                        named.Add(replaced);
                    }

                    rows.Add(area);
                }

                batch.AreaCodePrefix = named.Value;
            }
        }

        phases.Mark("read");
        var existing = await db.Areas.AsNoTracking().ToListAsync(cancellationToken);
        var lineage = await db.AreaLineage.AsNoTracking().Select(l => new { l.AreaCode, l.ReplacedCode }).ToListAsync(cancellationToken);
        var changes = new AreaChanges(existing, lineage.Select(l => (l.AreaCode, l.ReplacedCode)), rejects, DateTimeOffset.UtcNow);
        foreach (var row in rows)
        {
            changes.Apply(row);
        }

        foreach (var row in rows.Where(r => r.Replaces.Count > 0))
        {
            changes.ApplyReplaces(row);
        }

        phases.Mark("compare");
        batch.RowsRead = reader.DataRows;
        batch.RowsRejected = rejects.Count;
        if (options.DryRun || (rejects.Count > 0 && !options.SkipInvalidRows))
        {
            batch.Status = options.DryRun ? LoadBatchStatus.DryRun : LoadBatchStatus.Rejected;
            batch.Message = options.DryRun ? "试运行，未写入 / dry run, nothing written" : Messages.FileRejectedWhole(rejects.Count);
            return rejects.All;
        }

        db.Areas.AddRange(changes.Added);
        db.Areas.UpdateRange(changes.Modified.Except(changes.Added));
        db.AreaLineage.AddRange(changes.Lineage);
        await db.SaveChangesAsync(cancellationToken);
        phases.Mark("write");
        (batch.RowsInserted, batch.RowsUpdated, batch.RowsUnchanged) = (changes.Inserted, changes.Updated, changes.Unchanged);
        batch.Status = LoadBatchStatus.Loaded;
        return rejects.All;
    }
}
