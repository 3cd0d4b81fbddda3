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

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EachIndicatorIsScoredAgainstItsOwnSpreadAndOnlyWithEnoughPairsAndSomeSpread(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Indicators(warehouse, new LoadingOptions { OutlierThreshold = 3.5, OutlierMinimumPairs = 3 });
        await loader.LoadAsync(
            folder.Write("2022.csv", LongFile(
                V1 + ",2022,CE_ASSETS,10", V2 + ",2022,CE_ASSETS,10", V3 + ",2022,CE_ASSETS,10",
                V1 + ",2022,CE_OPERATING_PROFIT,10", V2 + ",2022,CE_OPERATING_PROFIT,10",
                V1 + ",2022,ORG_PARTY_MEMBERS,10", V2 + ",2022,ORG_PARTY_MEMBERS,10", V3 + ",2022,ORG_PARTY_MEMBERS,10", K1 + ",2022,ORG_PARTY_MEMBERS,10",
                V1 + ",2022,CAD_CADRES,10", V2 + ",2022,CAD_CADRES,10", V3 + ",2022,CAD_CADRES,10", K1 + ",2022,CAD_CADRES,10")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        var result = await loader.LoadAsync(
            folder.Write("2023.csv", LongFile(
                K1 + ",2023,CAD_CADRES,200", V1 + ",2023,CAD_CADRES,11", V2 + ",2023,CAD_CADRES,11.5", V3 + ",2023,CAD_CADRES,12",
                V1 + ",2023,CE_ASSETS,11", V2 + ",2023,CE_ASSETS,11.5", V3 + ",2023,CE_ASSETS,100",
                V1 + ",2023,CE_OPERATING_PROFIT,10", V2 + ",2023,CE_OPERATING_PROFIT,1000",
                V1 + ",2023,ORG_PARTY_MEMBERS,20", V2 + ",2023,ORG_PARTY_MEMBERS,20", V3 + ",2023,ORG_PARTY_MEMBERS,20", K1 + ",2023,ORG_PARTY_MEMBERS,5")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        // CE_ASSETS: changes ln 1.1, ln 1.15, ln 10 (as above). CAD_CADRES: ln 1.1, ln 1.15, ln 1.2, ln 20, median the
        // mean of the middle two, MAD the mean of the middle two absolute deviations (0.0213, 0.0213, 0.0657, 2.83).
        // CE_OPERATING_PROFIT has 2 pairs (fewer than 3): not scored, though ln 100 is extreme. ORG_PARTY_MEMBERS: three of
        // four changes are ln 2, so the MAD is 0 and 1.2533 times the mean absolute deviation (2 ln 2 / 4) stands in: K1's
        // halving scores (ln 0.5 - ln 2) / (1.2533 ln 2 / 2) = -3.19, within 3.5.
        var assetsZ = 0.6745 * (Math.Log(10) - Math.Log(1.15)) / (Math.Log(1.15) - Math.Log(1.1));
        var median = (Math.Log(1.15) + Math.Log(1.2)) / 2;
        var deviations = new[] { Math.Log(1.1), Math.Log(1.15), Math.Log(1.2), Math.Log(20) }.Select(c => Math.Abs(c - median)).Order().ToArray();
        var cadresZ = 0.6745 * (Math.Log(20) - median) / ((deviations[1] + deviations[2]) / 2);
        Assert.Equal((Warehouse.Loading.LoadBatchStatus.Loaded, 13, 2), (result.Status, result.Inserted, result.Warnings));
        await using var db = warehouse.CreateDbContext();
        var warnings = (await db.LoadWarnings.Where(w => w.LoadBatchId == result.LoadBatchId).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(w => w.IndicatorCode, StringComparer.Ordinal)
            .Select(w => (w.AreaCode, w.IndicatorCode, w.Value, w.PreviousValue, Math.Round(w.Score!.Value, 2)))
            .ToList();
        Assert.Equal([(K1, "CAD_CADRES", 200m, 10m, Math.Round(cadresZ, 2)), (V3, "CE_ASSETS", 100m, 10m, Math.Round(assetsZ, 2))], warnings);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AYearEarlierValueInTheSameFileIsTheOneComparedNotTheOneItReplaces(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Indicators(warehouse, new LoadingOptions { OutlierThreshold = 3.5, OutlierMinimumPairs = 3 });
        await loader.LoadAsync(folder.Write("2022.csv", LongFile(V1 + ",2022,CE_ASSETS,10", V2 + ",2022,CE_ASSETS,10", V3 + ",2022,CE_ASSETS,10")), LoadOptions.Default, TestContext.Current.CancellationToken);

        // The file restates V3's 2022 as 50 and reports 2023: V3's pair is 100 against 50 (ln 2), not against the 10 it replaces.
        var result = await loader.LoadAsync(
            folder.Write("2022-2023.csv", LongFile(V3 + ",2022,CE_ASSETS,50", V1 + ",2023,CE_ASSETS,11", V2 + ",2023,CE_ASSETS,11.5", V3 + ",2023,CE_ASSETS,100")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        // Changes ln 1.1, ln 1.15, ln 2: median ln 1.15, MAD the middle absolute deviation, ln 1.15 - ln 1.1.
        var expectedZ = 0.6745 * (Math.Log(2) - Math.Log(1.15)) / (Math.Log(1.15) - Math.Log(1.1));
        Assert.Equal((Warehouse.Loading.LoadBatchStatus.Loaded, 3, 1, 1), (result.Status, result.Inserted, result.Updated, result.Warnings));
        await using var db = warehouse.CreateDbContext();
        var warning = Assert.Single(await db.LoadWarnings.Where(w => w.LoadBatchId == result.LoadBatchId).ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((V3, "2023", 100m, 50m), (warning.AreaCode, warning.PeriodKey, warning.Value, warning.PreviousValue));
        Assert.Equal(expectedZ, warning.Score!.Value, 2);
    }
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AnUnusualChangeIsAWarningOnlyWhenItIsAlsoMaterial(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var strict = Loaders.Indicators(warehouse, new LoadingOptions { OutlierMinimumPairs = 3 });
        var loose = Loaders.Indicators(warehouse, new LoadingOptions { OutlierMinimumPairs = 3, OutlierMinimumRatio = 1.5, OutlierMinimumAbsoluteChange = 0 });
        await strict.LoadAsync(
            folder.Write("2022.csv", LongFile(
                V1 + ",2022,CE_ASSETS,10", V2 + ",2022,CE_ASSETS,10", V3 + ",2022,CE_ASSETS,10",
                V1 + ",2022,ORG_PARTY_MEMBERS,10", V2 + ",2022,ORG_PARTY_MEMBERS,10", V3 + ",2022,ORG_PARTY_MEMBERS,10", K1 + ",2022,ORG_PARTY_MEMBERS,10", K2 + ",2022,ORG_PARTY_MEMBERS,1")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);
        var file = LongFile(
            V1 + ",2023,CE_ASSETS,11", V2 + ",2023,CE_ASSETS,11.5", V3 + ",2023,CE_ASSETS,19",
            V1 + ",2023,ORG_PARTY_MEMBERS,10", V2 + ",2023,ORG_PARTY_MEMBERS,10", V3 + ",2023,ORG_PARTY_MEMBERS,10", K1 + ",2023,ORG_PARTY_MEMBERS,10", K2 + ",2023,ORG_PARTY_MEMBERS,2");

        var byDefault = await strict.LoadAsync(folder.Write("2023.csv", file), LoadOptions.Default, TestContext.Current.CancellationToken);
        var loosened = await loose.LoadAsync(folder.Write("2023-again.csv", file + "\n"), LoadOptions.Default, TestContext.Current.CancellationToken);

        // CE_ASSETS: V3's ln 1.9 scores 0.6745 (ln 1.9 - ln 1.15) / (ln 1.15 - ln 1.1) = 7.6 but is under twice the year
        // before. ORG_PARTY_MEMBERS (人): four changes of 0 make the MAD 0, so 1.2533 times the mean absolute deviation
        // (ln 2 / 5) stands in and K2's 1 -> 2 scores 5 / 1.2533 = 3.99, but one person is under the floor of 3.
        var assetsZ = 0.6745 * (Math.Log(1.9) - Math.Log(1.15)) / (Math.Log(1.15) - Math.Log(1.1));
        Assert.Equal((Warehouse.Loading.LoadBatchStatus.Loaded, 0, Warehouse.Loading.LoadBatchStatus.Loaded, 2), (byDefault.Status, byDefault.Warnings, loosened.Status, loosened.Warnings));
        await using var db = warehouse.CreateDbContext();
        var warnings = (await db.LoadWarnings.Where(w => w.LoadBatchId == loosened.LoadBatchId).ToListAsync(TestContext.Current.CancellationToken))
            .OrderBy(w => w.IndicatorCode, StringComparer.Ordinal)
            .Select(w => (w.AreaCode, w.IndicatorCode, w.Value, w.PreviousValue, Math.Round(w.Score!.Value, 2)))
            .ToList();
        Assert.Equal([(V3, "CE_ASSETS", 19m, 10m, Math.Round(assetsZ, 2)), (K2, "ORG_PARTY_MEMBERS", 2m, 1m, Math.Round(5 / 1.253314, 2))], warnings);
    }
}
