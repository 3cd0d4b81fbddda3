using System.Text;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.Etl.Validation;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>Files longer than one staging batch (SQLite inserts 64 rows a statement): every row lands once, rules still see all rows.</summary>
public sealed class BulkStagingTests
{
    /// <summary>3 villages x 50 years (2000-2049) x 2 indicators = 300 rows (4 batches of 64 and 44 more); value = year - 1999.</summary>
    private static string ThreeHundredRows(params string[] extra)
    {
        var text = new StringBuilder("area_code,period,indicator,value\n");
        foreach (var area in new[] { V1, V2, V3 })
        {
            for (var year = 2000; year < 2050; year++)
            {
                text.Append(area).Append(',').Append(year).Append(",CE_TOTAL_INCOME,").Append(year - 1999).Append('\n');
                text.Append(area).Append(',').Append(year).Append(",CE_ASSETS,").Append(year - 1999).Append('\n');
            }
        }

        return text.Append(string.Concat(extra.Select(e => e + "\n"))).ToString();
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AFileOfSeveralInsertBatchesLoadsEveryValueOnce(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        var result = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("long.csv", ThreeHundredRows()), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 300, 300, 0, 0), (result.Status, result.RowsRead, result.Inserted, result.Updated, result.Unchanged));
        await using var db = warehouse.CreateDbContext();
        var values = await db.IndicatorValues.Select(v => v.Value).ToListAsync(TestContext.Current.CancellationToken);

        // 3 villages x 2 indicators x (1 + 2 + ... + 50).
        Assert.Equal((300, 6m * 1275), (values.Count, values.Sum()));
        Assert.Contains(V2 + " 2049 CE_ASSETS 50", await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CopiesFarApartInTheFileAreStillFound(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Indicators(warehouse);

        var conflicting = await loader.LoadAsync(folder.Write("conflict.csv", ThreeHundredRows(V1 + ",2000,CE_TOTAL_INCOME,7")), LoadOptions.Default, TestContext.Current.CancellationToken);
        var repeated = await loader.LoadAsync(folder.Write("repeat.csv", ThreeHundredRows(V3 + ",2049,CE_ASSETS,50")), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Rejected, 2), (conflicting.Status, conflicting.Rejected));
        Assert.Equal([((int?)2, RejectRule.DuplicateConflict), ((int?)302, RejectRule.DuplicateConflict)], conflicting.Rejects.Select(r => (r.Line, r.Rule)));
        Assert.Equal((LoadBatchStatus.Loaded, 301, 300, 0), (repeated.Status, repeated.RowsRead, repeated.Inserted, repeated.Rejected));
    }
}
