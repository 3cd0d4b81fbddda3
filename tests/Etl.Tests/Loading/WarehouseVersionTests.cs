using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// Every load that commits a change of what the warehouse answers (areas, a merge, facts, a restatement, valid rows of a
/// file with rejects, targets) advances <c>warehouse_version</c> by exactly one; a dry run, a rejected file, a file
/// rejected whole, a skipped repeat, a missing file and a cancelled load leave it as it was.
/// </summary>
public sealed class WarehouseVersionTests
{
    private const string TargetHeader = "area_code,indicator,period,target\n";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EachCommittedLoadAdvancesTheVersionByOneAndNothingElseDoes(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var areas = Loaders.Areas(warehouse);
        var facts = Loaders.Indicators(warehouse);
        var targets = Loaders.Targets(warehouse);
        var steps = new List<string>();
        var version = await ReadAsync(warehouse);
        var changedAt = await ChangedAtAsync(warehouse);

        async Task StepAsync(string name, Task<LoadResult> load, LoadBatchStatus status, int advance)
        {
            var result = await load;
            Assert.True(status == result.Status, $"{name}: {result.Status}, expected {status} ({result.Message})");
            var now = await ReadAsync(warehouse);
            steps.Add($"{name} {now - version}");
            if (advance > 0)
            {
                var at = await ChangedAtAsync(warehouse);
                Assert.True(at >= changedAt, $"{name}: changed_at went back from {changedAt:O} to {at:O}");
                changedAt = at;
            }

            version = now;
        }

        await StepAsync("areas dry run", areas.LoadAsync(folder.Write("areas.csv", AreasBeforeMerge), new LoadOptions(DryRun: true), ct), LoadBatchStatus.DryRun, 0);
        await StepAsync("areas", areas.LoadAsync(folder.File("areas.csv"), LoadOptions.Default, ct), LoadBatchStatus.Loaded, 1);
        await StepAsync("areas rejected", areas.LoadAsync(folder.Write("bad-areas.csv", "code,name\n12345,短码\n"), LoadOptions.Default, ct), LoadBatchStatus.Rejected, 0);
        await StepAsync("facts dry run", facts.LoadAsync(folder.Write("2023.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20")), new LoadOptions(DryRun: true), ct), LoadBatchStatus.DryRun, 0);
        await StepAsync("facts", facts.LoadAsync(folder.File("2023.csv"), LoadOptions.Default, ct), LoadBatchStatus.Loaded, 1);
        await StepAsync("facts again", facts.LoadAsync(folder.File("2023.csv"), LoadOptions.Default, ct), LoadBatchStatus.Skipped, 0);
        await StepAsync("facts rejected", facts.LoadAsync(folder.Write("bad.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,21", V1 + ",2023,CE_OPERATING_INCOME,x")), LoadOptions.Default, ct), LoadBatchStatus.Rejected, 0);
        await StepAsync("facts rejected whole", facts.LoadAsync(folder.Write("damaged.xlsx", "not a workbook"), LoadOptions.Default, ct), LoadBatchStatus.Rejected, 0);
        await StepAsync("facts missing", facts.LoadAsync(folder.File("missing.csv"), LoadOptions.Default, ct), LoadBatchStatus.Failed, 0);
        await StepAsync("restatement", facts.LoadAsync(folder.Write("2023-revised.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,25")), LoadOptions.Default, ct), LoadBatchStatus.Loaded, 1);
        await StepAsync("valid rows of a dirty file", facts.LoadAsync(folder.File("bad.csv"), new LoadOptions(SkipInvalidRows: true), ct), LoadBatchStatus.Loaded, 1);
        await StepAsync("targets dry run", targets.LoadAsync(folder.Write("t.csv", TargetHeader + V1 + ",CE_OPERATING_INCOME,2025,20\n"), new LoadOptions(DryRun: true), ct), LoadBatchStatus.DryRun, 0);
        await StepAsync("targets", targets.LoadAsync(folder.File("t.csv"), LoadOptions.Default, ct), LoadBatchStatus.Loaded, 1);
        await StepAsync("targets rejected", targets.LoadAsync(folder.Write("bad-t.csv", TargetHeader + "999999999999,CE_OPERATING_INCOME,2025,1\n"), LoadOptions.Default, ct), LoadBatchStatus.Rejected, 0);
        await StepAsync("merge", areas.LoadAsync(folder.Write("merge.csv", Merge), LoadOptions.Default, ct), LoadBatchStatus.Loaded, 1);

        Assert.Equal(
            [
                "areas dry run 0", "areas 1", "areas rejected 0", "facts dry run 0", "facts 1", "facts again 0", "facts rejected 0",
                "facts rejected whole 0", "facts missing 0", "restatement 1", "valid rows of a dirty file 1", "targets dry run 0", "targets 1",
                "targets rejected 0", "merge 1",
            ],
            steps);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALoadCancelledBeforeItsCommitLeavesTheVersion(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var before = await ReadAsync(warehouse);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var path = folder.Write("2023.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20"));

        // The loader reports its progress once more when the file is read, before the merge: the load is cancelled there.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Loaders.Indicators(warehouse).LoadAsync(path, new LoadOptions(Progress: new CancelOnReport(cancel)), cancel.Token));

        Assert.Equal(before, await ReadAsync(warehouse));
        Assert.Empty(await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheCatalogueSeedAdvancesTheVersionOnlyWhenItChangesSomething(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var before = await ReadAsync(warehouse);
        await using (var db = warehouse.CreateDbContext())
        {
            await WarehouseSeeder.SeedAsync(db, TestContext.Current.CancellationToken);
        }

        Assert.Equal(before, await ReadAsync(warehouse));
        await using (var db = warehouse.CreateDbContext())
        {
            var parameter = await db.ThresholdParameters.FirstAsync(TestContext.Current.CancellationToken);
            parameter.Value += 1; // as if an operator had changed a threshold by hand; the seed puts the shipped value back
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var db = warehouse.CreateDbContext())
        {
            await WarehouseSeeder.SeedAsync(db, TestContext.Current.CancellationToken);
        }

        Assert.Equal(before + 1, await ReadAsync(warehouse));
    }

    private static async Task<long> ReadAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        var viaContext = await WarehouseVersion.ReadAsync(db, TestContext.Current.CancellationToken);
        var viaConnection = await WarehouseVersion.ReadAsync(db.Database.GetDbConnection(), TestContext.Current.CancellationToken);
        Assert.Equal(viaContext, viaConnection);
        return viaContext;
    }

    private static async Task<DateTimeOffset> ChangedAtAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return (await db.WarehouseVersions.SingleAsync(TestContext.Current.CancellationToken)).ChangedAt;
    }

    private sealed class CancelOnReport(CancellationTokenSource cancel) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => cancel.Cancel();
    }
}
