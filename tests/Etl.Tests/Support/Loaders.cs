using Governance.Etl.Loading;
using Governance.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Tests.Support;

/// <summary>The loaders over a test warehouse, built as the DI container builds them.</summary>
public static class Loaders
{
    public static IndicatorFileLoader Indicators(TestWarehouse warehouse, LoadingOptions? outliers = null) =>
        new(warehouse.Factory, Options.Create(outliers ?? new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);

    public static AreaFileLoader Areas(TestWarehouse warehouse) => new(warehouse.Factory, NullLogger<AreaFileLoader>.Instance);

    public static TargetFileLoader Targets(TestWarehouse warehouse) => new(warehouse.Factory, NullLogger<TargetFileLoader>.Instance);

    /// <summary>Loads <see cref="Some.AreasBeforeMerge"/> (and the merge when asked) and checks it loaded.</summary>
    public static async Task SeedAreasAsync(TestWarehouse warehouse, TempFolder folder, bool withMerge = false)
    {
        var result = await Areas(warehouse).LoadAsync(folder.Write("areas.csv", Some.AreasBeforeMerge), LoadOptions.Default, TestContext.Current.CancellationToken);
        Assert.Equal(Warehouse.Loading.LoadBatchStatus.Loaded, result.Status);
        if (withMerge)
        {
            var merge = await Areas(warehouse).LoadAsync(folder.Write("merge.csv", Some.Merge), LoadOptions.Default, TestContext.Current.CancellationToken);
            Assert.Equal(Warehouse.Loading.LoadBatchStatus.Loaded, merge.Status);
        }
    }
}
