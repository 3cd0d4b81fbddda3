using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class RestatementTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SameFileAgainIsSkippedAndSaysWhichBatchLoadedIt(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write("a.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20"));
        var loader = Loaders.Indicators(warehouse);

        var first = await loader.LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);
        var again = await loader.LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(LoadBatchStatus.Skipped, again.Status);
        Assert.Contains($"batch {first.LoadBatchId}", again.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal([V1 + " 2023 CE_TOTAL_INCOME 20"], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RestatedValueReplacesTheEarlierOneWhichGoesToHistory(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Indicators(warehouse);
        var first = await loader.LoadAsync(
            folder.Write("2023.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V1 + ",2023,CE_OPERATING_INCOME,10", V3 + ",2023,CE_TOTAL_INCOME,5")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        var second = await loader.LoadAsync(
            folder.Write("2023-revised.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,25", V1 + ",2023,CE_OPERATING_INCOME,10.0", V1 + ",2022,CE_TOTAL_INCOME,18")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 1, 1, 1), (second.Status, second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(
            [V1 + " 2022 CE_TOTAL_INCOME 18", V1 + " 2023 CE_OPERATING_INCOME 10", V1 + " 2023 CE_TOTAL_INCOME 25", V3 + " 2023 CE_TOTAL_INCOME 5"],
            await Facts.AllAsync(warehouse));
        await using var db = warehouse.CreateDbContext();
        var history = Assert.Single(await db.IndicatorValueHistory.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((20m, first.LoadBatchId, second.LoadBatchId), (history.Value, (long?)history.LoadBatchId, (long?)history.SupersededByBatchId));
        var batches = await db.IndicatorValues.Where(v => v.PeriodSk == 2023000).Select(v => v.LoadBatchId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([first.LoadBatchId!.Value, first.LoadBatchId!.Value, second.LoadBatchId!.Value], batches.Order());
    }
}
