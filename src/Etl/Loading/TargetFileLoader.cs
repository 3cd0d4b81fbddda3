using Governance.Etl.Readers;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Loading;

/// <summary>Loads targets (area_code, indicator, period, target) into fct_target: new ones inserted, changed ones replaced.</summary>
public sealed class TargetFileLoader(IDbContextFactory<WarehouseDbContext> factory, ILogger<TargetFileLoader> logger, IOptions<LoadingOptions>? settings = null, IEnumerable<IWarehouseMaintainer>? maintainers = null)
{
    private readonly IEnumerable<IWarehouseMaintainer> _maintainers = maintainers ?? WarehouseMaintainers.Default;

    public Task<LoadResult> LoadAsync(string path, LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        return LoadRun.RunAsync(factory, _maintainers, logger, LoadBatchKind.Targets, path, options, async (db, batch, _, ct) => new LoadRun.Outcome(await LoadBatchAsync(db, batch, path, options, settings?.Value.Limits, ct)), cancellationToken);
    }

    private static async Task<IReadOnlyList<RejectSummary>> LoadBatchAsync(WarehouseDbContext db, LoadBatch batch, string path, LoadOptions options, ReadLimits? limits, CancellationToken cancellationToken)
    {
        var rejects = new RejectCollector();
        var validator = new TargetValidator(
            new IndicatorLookup(await db.Indicators.AsNoTracking().ToListAsync(cancellationToken)),
            new AreaLookup(await db.Areas.AsNoTracking().ToListAsync(cancellationToken)),
            rejects);
        var rows = new Dictionary<(int, int, int), (decimal Target, NamedRow Row)>();
        var reader = new NamedColumnReader(TargetColumns.All, TargetColumns.AreaCode, rejects);
        var named = new CommonAreaPrefix();
        await using (var file = TabularFile.Open(path, limits))
        {
            await foreach (var row in reader.ReadAsync(file, cancellationToken))
            {
                named.Add(row[TargetColumns.AreaCode]);
                batch.AreaCodePrefix = named.Value;
                if (validator.Validate(row) is not { } valid)
                {
                    continue;
                }

                var key = (valid.AreaSk, valid.IndicatorSk, valid.PeriodSk);
                if (rows.TryGetValue(key, out var earlier) && earlier.Target != valid.Target)
                {
                    rejects.Add(row.At(TargetColumns.Target), RejectRule.DuplicateConflict, row[TargetColumns.Target], Messages.Duplicate($"line {earlier.Row.Line}"));
                    continue;
                }

                rows[key] = (valid.Target, row);
            }
        }

        batch.RowsRead = reader.DataRows;
        batch.RowsRejected = rejects.Count;
        if (options.DryRun || (rejects.Count > 0 && !options.SkipInvalidRows))
        {
            batch.Status = options.DryRun ? LoadBatchStatus.DryRun : LoadBatchStatus.Rejected;
            batch.Message = options.DryRun ? "试运行，未写入 / dry run, nothing written" : Messages.FileRejectedWhole(rejects.Count);
            return rejects.All;
        }

        var existing = await db.Targets.ToDictionaryAsync(t => (t.AreaSk, t.IndicatorSk, t.PeriodSk), cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var ((areaSk, indicatorSk, periodSk), (target, _)) in rows)
        {
            if (!existing.TryGetValue((areaSk, indicatorSk, periodSk), out var current))
            {
                db.Targets.Add(new Target { AreaSk = areaSk, IndicatorSk = indicatorSk, PeriodSk = periodSk, TargetValue = target, LoadBatchId = batch.LoadBatchId, LoadedAt = now });
                batch.RowsInserted++;
            }
            else if (current.TargetValue != target)
            {
                (current.TargetValue, current.LoadBatchId, current.LoadedAt) = (target, batch.LoadBatchId, now);
                batch.RowsUpdated++;
            }
            else
            {
                batch.RowsUnchanged++;
            }
        }

        batch.Status = LoadBatchStatus.Loaded;
        return rejects.All;
    }
}
