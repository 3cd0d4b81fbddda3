using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Maintenance;
using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Governance.Etl.Tests.Support.Some;
using RollupRows = Governance.Etl.Tests.Support.Rollups;

namespace Governance.Etl.Tests.Rollups;

/// <summary>
/// Loads keep the roll-ups exact in their own transaction: after areas, facts, a restatement, a merge, a new year and a
/// threshold changed and put back by the catalogue seed, <c>rollups check</c> finds them equal to the facts, and the
/// rows hold the totals worked out here by hand from the town of SEMANTICS.md.
/// </summary>
public sealed class RollupMaintenanceTests
{
    private const int Township = (int)AreaLevel.Township;
    private const int Nation = 0;
    private const string TownCode = Town;
    private static readonly string Income = RollupRows.Plain("CE_OPERATING_INCOME", "Sum:Year:Villages");
    private static readonly string Weak = "CE_OPERATING_INCOME:Sum:Year:Villages|Inside||WEAK_VILLAGE_THRESHOLD:LessThan";
    private static readonly string Grids = RollupRows.Plain("GOV_GRIDS", "Last:Quarter:VillagesAndCommunities");

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EveryKindOfChangeLeavesTheRollupsEqualToTheFacts(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var facts = Loaders.Indicators(warehouse);
        await Loaders.SeedAreasAsync(warehouse, folder);
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "areas");

        await LoadAsync(facts, folder, "2022-2023.csv", LongFile(
            V1 + ",2022,CE_OPERATING_INCOME,8", V2 + ",2022,CE_OPERATING_INCOME,3", V3 + ",2022,CE_OPERATING_INCOME,4",
            V1 + ",2023,CE_OPERATING_INCOME,10", V2 + ",2023,CE_OPERATING_INCOME,4",
            Town + ",202301,CAD_TRAINING_SESSIONS,2", Town + ",202302,CAD_TRAINING_SESSIONS,0", Town + ",202303,CAD_TRAINING_SESSIONS,1",
            K1 + ",2023Q2,ORG_COMPOUNDS,10", K1 + ",2023Q2,ORG_COMPOUNDS_WITH_BRANCH,8", K2 + ",2023Q2,ORG_COMPOUNDS,5", K2 + ",2023Q2,ORG_COMPOUNDS_WITH_BRANCH,5",
            V1 + ",2023,CAD_EVAL_SCORE,90", V1 + ",2023,CAD_VILLAGE_CADRES,5", K1 + ",2023,CAD_EVAL_SCORE,80", K1 + ",2023,CAD_VILLAGE_CADRES,10"));
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "facts");
        Assert.Equal((140_000L, 0, 2), await RollupRows.TotalAsync(warehouse, Income, PeriodGrain.Year, Township, TownCode, 2023000));
        Assert.Equal((150_000L, 0, 3), await RollupRows.TotalAsync(warehouse, Income, PeriodGrain.Year, Township, TownCode, 2022000));
        Assert.Equal((150_000L, 0, 3), await RollupRows.TotalAsync(warehouse, Income, PeriodGrain.Year, Nation, "000000000000", 2022000));
        Assert.Equal((150_000L, 3, 3), await RollupRows.TotalAsync(warehouse, Weak, PeriodGrain.Year, Township, TownCode, 2022000));
        Assert.Equal((140_000L, 1, 2), await RollupRows.TotalAsync(warehouse, Weak, PeriodGrain.Year, Township, TownCode, 2023000));
        Assert.Equal(3, await RollupRows.ExpectedAsync(warehouse, CaptureLevel.Villages, PeriodGrain.Year, Township, TownCode, 2023000));
        Assert.Equal(2, await RollupRows.ExpectedAsync(warehouse, CaptureLevel.Communities, PeriodGrain.Quarter, (int)AreaLevel.Province, "360000000000", 2023200));
        Assert.Equal((2021, 2023), ((await RollupRows.StateAsync(warehouse)).FirstYear, (await RollupRows.StateAsync(warehouse)).LastYear));

        // A restatement: V2's 2023 income 4 becomes 11, so it is no longer weak.
        await LoadAsync(facts, folder, "2023-revised.csv", LongFile(V2 + ",2023,CE_OPERATING_INCOME,11"));
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "restatement");
        Assert.Equal((210_000L, 0, 2), await RollupRows.TotalAsync(warehouse, Weak, PeriodGrain.Year, Township, TownCode, 2023000));

        // V2 and V3 merge into V4 from 2024; then 2024: V1 12, V4 9 (weak), grids as a stock over the quarters.
        var merge = await Loaders.Areas(warehouse).LoadAsync(folder.Write("merge.csv", Merge), LoadOptions.Default, ct);
        Assert.Equal(LoadBatchStatus.Loaded, merge.Status);
        await LoadAsync(facts, folder, "2024.csv", LongFile(
            V1 + ",2024,CE_OPERATING_INCOME,12", V4 + ",2024,CE_OPERATING_INCOME,9",
            V1 + ",2024Q1,GOV_GRIDS,4", V1 + ",2024Q2,GOV_GRIDS,4", V1 + ",2024Q3,GOV_GRIDS,5", V1 + ",2024Q4,GOV_GRIDS,5",
            K1 + ",2024Q1,GOV_GRIDS,3", K1 + ",2024Q2,GOV_GRIDS,3"));
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "merge and 2024");
        Assert.Equal((210_000L, 1, 2), await RollupRows.TotalAsync(warehouse, Weak, PeriodGrain.Year, Township, TownCode, 2024000));
        Assert.Equal((80_000L, 0, 2), await RollupRows.TotalAsync(warehouse, Grids, PeriodGrain.Year, Township, TownCode, 2024000));
        Assert.Equal((70_000L, 0, 2), await RollupRows.TotalAsync(warehouse, Grids, PeriodGrain.Quarter, Township, TownCode, 2024200));
        Assert.Equal(2, await RollupRows.ExpectedAsync(warehouse, CaptureLevel.Villages, PeriodGrain.Year, Township, TownCode, 2024000));
        Assert.Equal(3, await RollupRows.ExpectedAsync(warehouse, CaptureLevel.Villages, PeriodGrain.Year, Township, TownCode, 2023000));

        // The weak-village line raised to 12.5 by hand (no change the roll-ups hear of): V1's 12 is weak now.
        await using (var db = warehouse.CreateDbContext())
        {
            await db.ThresholdParameters.Where(p => p.ParameterCode == "WEAK_VILLAGE_THRESHOLD").ExecuteUpdateAsync(s => s.SetProperty(p => p.Value, 12.5m), ct);
        }

        var stale = await RollupRows.Jobs(warehouse).CheckAsync(ct);
        Assert.False(stale.IsEqual);
        Assert.Contains("CE_OPERATING_INCOME (inside, LessThan WEAK_VILLAGE_THRESHOLD) at Year TOWNSHIP 361100101000 2024 meeting_count: stored 1, expected 2", stale.Differences);

        // The catalogue seed puts the shipped line back and refreshes the inputs that compare with it.
        await using (var db = warehouse.CreateDbContext())
        {
            await WarehouseSeeder.SeedAsync(db, ct);
        }

        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "threshold put back");
        Assert.Equal((210_000L, 1, 2), await RollupRows.TotalAsync(warehouse, Weak, PeriodGrain.Year, Township, TownCode, 2024000));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALoadThatFailsAfterItsMergeLeavesTheRollupsAsTheyWere(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        await LoadAsync(Loaders.Indicators(warehouse), folder, "2023.csv", LongFile(V1 + ",2023,CE_OPERATING_INCOME,10", V2 + ",2023,CE_OPERATING_INCOME,4"));
        var before = await SnapshotAsync(warehouse);
        var state = await RollupRows.StateAsync(warehouse);

        // The roll-ups are refreshed, then a later maintainer fails: the whole load, roll-ups included, rolls back.
        var failing = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance, [new RollupMaintainer(), new FailingMaintainer()]);
        var result = await failing.LoadAsync(folder.Write("2023-revised.csv", LongFile(V1 + ",2023,CE_OPERATING_INCOME,30", V3 + ",2024,CE_OPERATING_INCOME,5")), LoadOptions.Default, ct);

        Assert.Equal(LoadBatchStatus.Failed, result.Status);
        Assert.Contains("maintainer failed on purpose", result.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync(warehouse));
        Assert.Equal(state.Version, (await RollupRows.StateAsync(warehouse)).Version);
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "after the failed load");
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WithMaintenanceOffALoadPutsTheRollupsOutOfUseUntilARebuild(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var off = new RollupMaintainer(warehouse.Settings with { MaintainRollups = false });
        var loader = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance, [off]);
        await LoadAsync(loader, folder, "2023.csv", LongFile(V1 + ",2023,CE_OPERATING_INCOME,10"));

        var result = await RollupRows.Jobs(warehouse).CheckAsync(ct);
        Assert.False(result.IsCurrent);
        Assert.Null(await RollupRows.TotalAsync(warehouse, Income, PeriodGrain.Year, Township, TownCode, 2023000));

        // Out of use, a load with maintenance on leaves them so; a rebuild makes them current again.
        await LoadAsync(Loaders.Indicators(warehouse), folder, "2024.csv", LongFile(V1 + ",2024,CE_OPERATING_INCOME,12"));
        Assert.False((await RollupRows.Jobs(warehouse).CheckAsync(ct)).IsCurrent);
        await RollupRows.Jobs(warehouse).RebuildAsync(null, ct);
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "rebuilt");
        Assert.Equal((100_000L, 0, 1), await RollupRows.TotalAsync(warehouse, Income, PeriodGrain.Year, Township, TownCode, 2023000));
        Assert.Equal((120_000L, 0, 1), await RollupRows.TotalAsync(warehouse, Income, PeriodGrain.Year, Township, TownCode, 2024000));
    }

    private static async Task LoadAsync(IndicatorFileLoader loader, TempFolder folder, string name, string content)
    {
        var result = await loader.LoadAsync(folder.Write(name, content), LoadOptions.Default, TestContext.Current.CancellationToken);
        Assert.True(result.Status == LoadBatchStatus.Loaded, $"{name}: {result.Status} {result.Message}");
    }

    private static async Task<string> SnapshotAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        var totals = await db.RollupTotals.OrderBy(t => t.InputSk).ThenBy(t => t.AreaLevel).ThenBy(t => t.AreaCode).ThenBy(t => t.PeriodSk)
            .Select(t => $"{t.InputSk} {t.AreaLevel} {t.AreaCode} {t.PeriodSk} {t.ValueSum} {t.WeightSum} {t.MeetingCount} {t.UnitCount}").ToListAsync(TestContext.Current.CancellationToken);
        var expected = await db.RollupExpected.OrderBy(e => e.CaptureLevel).ThenBy(e => e.Grain).ThenBy(e => e.AreaLevel).ThenBy(e => e.AreaCode).ThenBy(e => e.PeriodSk)
            .Select(e => $"{e.CaptureLevel} {e.Grain} {e.AreaLevel} {e.AreaCode} {e.PeriodSk} {e.UnitCount}").ToListAsync(TestContext.Current.CancellationToken);
        return string.Join("\n", totals.Concat(expected).Concat(await Facts.AllAsync(warehouse)));
    }

    private sealed class FailingMaintainer : IWarehouseMaintainer
    {
        public string Name => "failing";

        public Task MaintainAsync(WarehouseChange change, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("maintainer failed on purpose");
    }
}
