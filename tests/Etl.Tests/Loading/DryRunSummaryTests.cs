using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>A dry run says what the real load with the same options would do.</summary>
public sealed class DryRunSummaryTests
{
    /// <summary>Three valid values and two rejects (an unknown code, a negative income).</summary>
    private static readonly string Dirty = LongFile(
        V1 + ",2023,CE_TOTAL_INCOME,20", V2 + ",2023,CE_TOTAL_INCOME,30", V3 + ",2023,CE_TOTAL_INCOME,40", "361100101299,2023,CE_TOTAL_INCOME,1", V1 + ",2023,CE_ASSETS,-1");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ADryRunOfABadFileSaysItWouldBeRejectedWholeAndWhatSkippingWouldLoad(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var dirty = folder.Write("dirty.csv", Dirty);
        var clean = folder.Write("clean.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V2 + ",2023,CE_TOTAL_INCOME,30"));
        var loader = Loaders.Indicators(warehouse);

        var dry = await loader.LoadAsync(dirty, new LoadOptions(DryRun: true), TestContext.Current.CancellationToken);
        var drySkipping = await loader.LoadAsync(dirty, new LoadOptions(DryRun: true, SkipInvalidRows: true), TestContext.Current.CancellationToken);
        var dryClean = await loader.LoadAsync(clean, new LoadOptions(DryRun: true), TestContext.Current.CancellationToken);
        var real = await loader.LoadAsync(dirty, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.DryRun, 2, 3), (dry.Status, dry.Rejected, dry.ValidValues));
        Assert.Equal("试运行：文件将被整体退回（2 个问题）；加 --skip-invalid-rows 可导入 3 个数值 / dry run: would be rejected whole (2 rejects); with --skip-invalid-rows 3 values would load", dry.Message);
        Assert.Equal((LoadBatchStatus.DryRun, 2, 3), (drySkipping.Status, drySkipping.Rejected, drySkipping.ValidValues));
        Assert.Equal("试运行：3 个数值可以导入，2 个问题 / dry run: 3 values would load, 2 rejected", drySkipping.Message);
        Assert.Equal((LoadBatchStatus.DryRun, 0, 2), (dryClean.Status, dryClean.Rejected, dryClean.ValidValues));
        Assert.Equal("试运行：2 个数值可以导入 / dry run: 2 values would load", dryClean.Message);
        Assert.Equal((LoadBatchStatus.Rejected, 0, 2, 3), (real.Status, real.Inserted, real.Rejected, real.ValidValues));
        Assert.Equal("文件被整体退回：2 个问题，未写入任何数据；加 --skip-invalid-rows 可导入其余 3 个数值 / file rejected whole: 2 problems, nothing written; with --skip-invalid-rows 3 values would load", real.Message);
        Assert.Empty(await Facts.AllAsync(warehouse));
    }
}
