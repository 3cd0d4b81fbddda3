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

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ValueRestatedAfterARenameInsideItsPeriodReplacesTheOneLoadedBefore(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Indicators(warehouse);
        var first = await loader.LoadAsync(folder.Write("2024.csv", LongFile(V1 + ",2024,CE_TOTAL_INCOME,20", V3 + ",2024,CE_TOTAL_INCOME,5")), LoadOptions.Default, TestContext.Current.CancellationToken);
        var rename = await Loaders.Areas(warehouse).LoadAsync(
            folder.Write("rename.csv", "code,name,urban_rural,valid_from\n" + V1 + ",一村（更名）,220,2024-07-01\n"), LoadOptions.Default, TestContext.Current.CancellationToken);
        Assert.Equal(LoadBatchStatus.Loaded, rename.Status);

        // 2024 now overlaps both versions of V1; the restated value resolves to the newer one, the loaded value sits under the older.
        var second = await loader.LoadAsync(folder.Write("2024-final.csv", LongFile(V1 + ",2024,CE_TOTAL_INCOME,25")), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 0, 1, 0), (second.Status, second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal([V1 + " 2024 CE_TOTAL_INCOME 25", V3 + " 2024 CE_TOTAL_INCOME 5"], await Facts.AllAsync(warehouse));
        await using var db = warehouse.CreateDbContext();
        var history = Assert.Single(await db.IndicatorValueHistory.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((20m, first.LoadBatchId, second.LoadBatchId), (history.Value, (long?)history.LoadBatchId, (long?)history.SupersededByBatchId));
    }
}
