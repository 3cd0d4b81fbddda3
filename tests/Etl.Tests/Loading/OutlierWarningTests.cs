using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class OutlierWarningTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExtremeYearOverYearChangeIsAWarningNotAReject(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Indicators(warehouse, new LoadingOptions { OutlierThreshold = 3.5, OutlierMinimumPairs = 3 });
        await loader.LoadAsync(folder.Write("2022.csv", LongFile(V1 + ",2022,CE_TOTAL_INCOME,10", V2 + ",2022,CE_TOTAL_INCOME,10", V3 + ",2022,CE_TOTAL_INCOME,10")), LoadOptions.Default, TestContext.Current.CancellationToken);

        var result = await loader.LoadAsync(folder.Write("2023.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,11", V2 + ",2023,CE_TOTAL_INCOME,11.5", V3 + ",2023,CE_TOTAL_INCOME,100")), LoadOptions.Default, TestContext.Current.CancellationToken);

        // log changes ln 1.1, ln 1.15, ln 10: median ln 1.15, MAD = ln 1.15 - ln 1.1; V3's z = 0.6745 (ln 10 - ln 1.15) / MAD.
        var mad = Math.Log(1.15) - Math.Log(1.1);
        var expectedZ = 0.6745 * (Math.Log(10) - Math.Log(1.15)) / mad;
        Assert.Equal((Warehouse.Loading.LoadBatchStatus.Loaded, 3, 1), (result.Status, result.Inserted, result.Warnings));
        await using var db = warehouse.CreateDbContext();
        var warning = Assert.Single(await db.LoadWarnings.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((V3, "2023", "CE_TOTAL_INCOME", 100m, 10m), (warning.AreaCode, warning.PeriodKey, warning.IndicatorCode, warning.Value, warning.PreviousValue));
        Assert.Equal(expectedZ, warning.Score!.Value, 2);
        Assert.Equal(1, (await db.LoadBatches.SingleAsync(b => b.LoadBatchId == result.LoadBatchId, TestContext.Current.CancellationToken)).WarningCount);
    }
}
