using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Maintenance;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse;

/// <summary>Brings the catalogue-driven dimensions (indicators, threshold parameters, periods) in line with the shipped files. Idempotent.</summary>
public static class WarehouseSeeder
{
    public const int FirstYear = 2000;
    public const int LastYear = 2050;

    public static Task SeedAsync(WarehouseDbContext db, CancellationToken cancellationToken = default) =>
        SeedAsync(db, IndicatorCatalogue.Indicators, WarehouseMaintainers.Default, cancellationToken);

    /// <summary>Seeds from the given catalogue entries: new codes are added, existing ones updated to match.</summary>
    public static Task SeedAsync(WarehouseDbContext db, IEnumerable<CatalogueEntry> indicators, CancellationToken cancellationToken = default) =>
        SeedAsync(db, indicators, WarehouseMaintainers.Default, cancellationToken);

    /// <summary>
    /// Seeds from the given catalogue entries; a change runs the <paramref name="maintainers"/> in its transaction (the
    /// roll-ups of new inputs and of changed thresholds).
    /// </summary>
    public static async Task SeedAsync(WarehouseDbContext db, IEnumerable<CatalogueEntry> indicators, IEnumerable<IWarehouseMaintainer> maintainers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await SeedIndicatorsAsync(db, indicators, cancellationToken);
        await SeedParametersAsync(db, cancellationToken);
        await SeedPeriodsAsync(db, cancellationToken);
        if (!db.ChangeTracker.HasChanges())
        {
            return; // the catalogue is as shipped: answers are unchanged, and so is the version
        }

        var change = new WarehouseChange(db, WarehouseChangeKind.Catalogue)
        {
            ThresholdParameters = [.. db.ChangeTracker.Entries<ThresholdParameter>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity.ParameterCode).Distinct(StringComparer.Ordinal)],
            IndicatorsChanged = db.ChangeTracker.Entries<Indicator>().Any(e => e.State is EntityState.Added or EntityState.Modified),
        };

        // A new or changed indicator, threshold or period changes answers: the version advances with it, in one transaction.
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await WarehouseMaintainers.RunAsync(maintainers, change, cancellationToken);
            await WarehouseVersion.AdvanceAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        db.ChangeTracker.AcceptAllChanges();
    }

    private static async Task SeedIndicatorsAsync(WarehouseDbContext db, IEnumerable<CatalogueEntry> indicators, CancellationToken cancellationToken)
    {
        var existing = await db.Indicators.ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal, cancellationToken);
        foreach (var entry in indicators)
        {
            if (!existing.TryGetValue(entry.Code, out var indicator))
            {
                indicator = new Indicator { IndicatorCode = entry.Code, NameZh = entry.NameZh, NameEn = entry.NameEn, Unit = entry.Unit, Category = entry.Category, Definition = entry.Definition };
                db.Indicators.Add(indicator);
            }

            entry.CopyTo(indicator);
        }
    }

    private static async Task SeedParametersAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.ThresholdParameters.ToListAsync(cancellationToken);
        foreach (var entry in IndicatorCatalogue.Parameters)
        {
            var parameter = existing.FirstOrDefault(p => p.ParameterCode == entry.Code && p.AreaCode == entry.AreaCode && p.ValidFrom == entry.ValidFrom);
            if (parameter is null)
            {
                parameter = new ThresholdParameter { ParameterCode = entry.Code, AreaCode = entry.AreaCode, ValidFrom = entry.ValidFrom, Description = entry.Description };
                db.ThresholdParameters.Add(parameter);
            }

            parameter.ValidTo = entry.ValidTo;
            parameter.Value = entry.Value;
            parameter.Description = entry.Description;
        }
    }

    private static async Task SeedPeriodsAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var existing = (await db.Periods.Select(p => p.PeriodSk).ToListAsync(cancellationToken)).ToHashSet();
        foreach (var key in AllPeriods())
        {
            var sk = PeriodSurrogateKey.Of(key);
            if (existing.Contains(sk))
            {
                continue;
            }

            var quarter = key.Grain switch
            {
                PeriodGrain.Quarter => key,
                PeriodGrain.Month => key.Parent,
                _ => (PeriodKey?)null,
            };
            db.Periods.Add(new Period
            {
                PeriodSk = sk,
                PeriodKey = key.Value,
                Grain = key.Grain,
                Year = key.Year,
                Quarter = quarter?.Number,
                Month = key.Grain == PeriodGrain.Month ? key.Number : null,
                StartDate = key.Start,
                EndDate = key.End,
                ParentKey = key.Parent?.Value,
                YearKey = key.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                QuarterKey = quarter?.Value,
                Label = key.Label,
            });
        }
    }

    private static IEnumerable<PeriodKey> AllPeriods()
    {
        for (var year = FirstYear; year <= LastYear; year++)
        {
            yield return PeriodKey.ForYear(year);
            for (var q = 1; q <= 4; q++)
            {
                yield return new PeriodKey(PeriodGrain.Quarter, year, q);
            }

            for (var m = 1; m <= 12; m++)
            {
                yield return new PeriodKey(PeriodGrain.Month, year, m);
            }
        }
    }
}
