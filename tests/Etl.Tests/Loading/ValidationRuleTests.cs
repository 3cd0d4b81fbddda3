using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class ValidationRuleTests
{
    /// <summary>
    /// One row per rule (lines as a text editor numbers them, header = line 1). Lines 15, 17 and 18 are valid (18 repeats
    /// 17 with the same value, which is no conflict); the part on line 19 exceeds a whole loaded earlier (10 compounds).
    /// </summary>
    private const string Dirty =
        "area_code,period,indicator,value,status\n"
        + "999999999999,2023,CE_OPERATING_INCOME,10\n"   // 2 unknown_area
        + V2 + ",2024,CE_OPERATING_INCOME,3\n"           // 3 area_not_valid_in_period (V2 ends 2023-12-31)
        + V1 + ",2023,FOO,1\n"                           // 4 unknown_indicator
        + V1 + ",2023,CE_WEAK_VILLAGES,1\n"              // 5 derived_indicator
        + V1 + ",2023,CE_TOTAL_INCOME,abc\n"             // 6 value_not_a_number
        + V1 + ",2023,CE_ASSETS,-5\n"                    // 7 value_out_of_range (min 0)
        + V1 + ",2023,ECOM_BRANCH_INDUSTRY,2\n"          // 8 value_out_of_range (0/1 flag)
        + V1 + ",2023-13,CE_SUBSIDY_INCOME,1\n"          // 9 period_malformed
        + V1 + ",202301,CE_TOTAL_INCOME,1\n"             // 10 period_too_fine (yearly indicator)
        + K1 + ",2023,CE_TOTAL_INCOME,1\n"               // 11 wrong_capture_level (community, villages only)
        + Town + ",2023,ORG_PARTY_MEMBERS,50\n"          // 12 wrong_capture_level (town, villages and communities)
        + V1 + ",2022,CE_TOTAL_INCOME,5\n"               // 13 duplicate_conflict
        + V1 + ",2022,CE_TOTAL_INCOME,6\n"               // 14 duplicate_conflict
        + V3 + ",2022,CE_TOTAL_INCOME,8\n"               // 15 valid
        + V3 + ",2022,CE_OPERATING_INCOME,9\n"           // 16 part_exceeds_whole (9 > 8 in this file)
        + V1 + ",2021年,村集体经济总收入,\"1,200\"\n"       // 17 valid: Chinese name, 年, thousands separator
        + V1 + ",2021,CE_TOTAL_INCOME,１２００\n"          // 18 valid: same value in full-width digits
        + K1 + ",2024年第二季度,ORG_COMPOUNDS_WITH_BRANCH,11\n" // 19 part_exceeds_whole (11 > 10 in the warehouse)
        + V1 + ",2023,ORG_PARTY_MEMBERS,40,maybe\n"      // 20 unknown_status
        + V1 + ",2023,ORG_DEMO_SITES,1\n";               // 21 wrong_capture_level (village, townships only)

    private static readonly string[] ExpectedRejects =
    [
        "2 area_code unknown_area 999999999999",
        "3 area_code area_not_valid_in_period " + V2,
        "4 indicator unknown_indicator FOO",
        "5 indicator derived_indicator CE_WEAK_VILLAGES",
        "6 value value_not_a_number abc",
        "7 value value_out_of_range -5",
        "8 value value_out_of_range 2",
        "9 period period_malformed 2023-13",
        "10 period period_too_fine 202301",
        "11 area_code wrong_capture_level " + K1,
        "12 area_code wrong_capture_level " + Town,
        "13 value duplicate_conflict 5",
        "14 value duplicate_conflict 6",
        "16 value part_exceeds_whole 9",
        "19 value part_exceeds_whole 11",
        "20 status unknown_status maybe",
        "21 area_code wrong_capture_level " + V1,
    ];

    private const string Compounds = K1 + " 2024Q2 ORG_COMPOUNDS 10";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EveryRuleRejectsItsRowAndTheFileIsRejectedWhole(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loader = Loaders.Indicators(warehouse);
        await loader.LoadAsync(folder.Write("compounds.csv", LongFile(K1 + ",2024Q2,ORG_COMPOUNDS,10")), LoadOptions.Default, TestContext.Current.CancellationToken);

        var result = await loader.LoadAsync(folder.Write("dirty.csv", Dirty), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(LoadBatchStatus.Rejected, result.Status);
        Assert.Equal(ExpectedRejects, await StoredRejectsAsync(warehouse, result.LoadBatchId!.Value));
        Assert.Equal((20, 0, 17), (result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal([Compounds], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SkipInvalidRowsLoadsOnlyTheValidValues(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loader = Loaders.Indicators(warehouse);
        await loader.LoadAsync(folder.Write("compounds.csv", LongFile(K1 + ",2024Q2,ORG_COMPOUNDS,10")), LoadOptions.Default, TestContext.Current.CancellationToken);

        var result = await loader.LoadAsync(folder.Write("dirty.csv", Dirty), new LoadOptions(SkipInvalidRows: true), TestContext.Current.CancellationToken);

        Assert.Equal(LoadBatchStatus.Loaded, result.Status);
        Assert.Equal(ExpectedRejects, await StoredRejectsAsync(warehouse, result.LoadBatchId!.Value));
        Assert.Equal((2, 0, 0), (result.Inserted, result.Updated, result.Unchanged));
        Assert.Equal([Compounds, V1 + " 2021 CE_TOTAL_INCOME 1200", V3 + " 2022 CE_TOTAL_INCOME 8"], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DryRunReportsTheRejectsAndWritesNoFacts(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loader = Loaders.Indicators(warehouse);
        await loader.LoadAsync(folder.Write("compounds.csv", LongFile(K1 + ",2024Q2,ORG_COMPOUNDS,10")), LoadOptions.Default, TestContext.Current.CancellationToken);

        var dirty = await loader.LoadAsync(folder.Write("dirty.csv", Dirty), new LoadOptions(DryRun: true), TestContext.Current.CancellationToken);
        var clean = await loader.LoadAsync(folder.Write("clean.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,3")), new LoadOptions(DryRun: true), TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.DryRun, 17, false), (dirty.Status, dirty.Rejected, dirty.Succeeded));
        Assert.Equal((LoadBatchStatus.DryRun, 0, true), (clean.Status, clean.Rejected, clean.Succeeded));
        Assert.Equal([Compounds], await Facts.AllAsync(warehouse));
    }

    private static async Task<IReadOnlyList<string>> StoredRejectsAsync(TestWarehouse warehouse, long batchId)
    {
        await using var db = warehouse.CreateDbContext();
        var rejects = await db.LoadRejects.Where(r => r.LoadBatchId == batchId).ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(rejects, r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        return rejects.OrderBy(r => r.LineNumber).Select(r => $"{r.LineNumber} {r.ColumnName} {r.Rule} {r.RawValue}").ToList();
    }
}
