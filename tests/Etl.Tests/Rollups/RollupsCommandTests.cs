using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Rollups;

/// <summary><c>governance rollups check|rebuild</c> as a child process: exit codes and what they print.</summary>
public sealed class RollupsCommandTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CheckExitsZeroWhenEqualAndOneNamingACorruptedRowThatRebuildRepairs(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loaded = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("2024.csv", LongFile(V1 + ",2024,CE_OPERATING_INCOME,12", V4 + ",2024,CE_OPERATING_INCOME,9")), Governance.Etl.Loading.LoadOptions.Default, ct);
        Assert.Equal(LoadBatchStatus.Loaded, loaded.Status);

        var equal = await GovernanceProcess.RunAsync(warehouse, "rollups", "check");
        Assert.True(equal.ExitCode == 0, equal.Output + equal.Error);
        Assert.Matches(@"^Roll-ups equal the facts: [\d,]+ rows recomputed\.$", equal.Output.Trim());

        // The town's 2024 income roll-up (21 万元) made 25 by hand.
        await using (var db = warehouse.CreateDbContext())
        {
            var sk = await db.RollupInputs.Where(i => i.Signature == "CE_OPERATING_INCOME:Sum:Year:Villages|Inside||:").Select(i => i.InputSk).SingleAsync(ct);
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE agg_total SET value_sum = 250000 WHERE input_sk = {sk} AND area_level = 4 AND area_code = {Town} AND period_sk = 2024000", ct));
        }

        var corrupted = await GovernanceProcess.RunAsync(warehouse, "rollups", "check");
        Assert.Equal(1, corrupted.ExitCode);
        Assert.Equal(
            [
                "  CE_OPERATING_INCOME (inside) at Year TOWNSHIP 361100101000 2024 value_sum: stored 25, expected 21",
                "Roll-ups differ from the facts: 1 difference in " + equal.Output.Trim()["Roll-ups equal the facts: ".Length..^" rows recomputed.".Length] + " rows recomputed.",
            ],
            corrupted.Output.Trim('\n').Split('\n'));

        var rebuilt = await GovernanceProcess.RunAsync(warehouse, "rollups", "rebuild");
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Output + rebuilt.Error);
        Assert.Matches(@"Roll-ups rebuilt: [\d,]+ rows\.", rebuilt.Output);
        Assert.Equal(0, (await GovernanceProcess.RunAsync(warehouse, "rollups", "check")).ExitCode);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CheckComparesThePrecomputedDistributionsToo(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loaded = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("2024.csv", LongFile(V1 + ",2024,CE_OPERATING_INCOME,12", V4 + ",2024,CE_OPERATING_INCOME,9")), Governance.Etl.Loading.LoadOptions.Default, ct);
        Assert.Equal(LoadBatchStatus.Loaded, loaded.Status);
        var equal = await GovernanceProcess.RunAsync(warehouse, "rollups", "check");
        Assert.True(equal.ExitCode == 0, equal.Output + equal.Error);

        // The nation's 2024 income distribution: its largest village value (12) made 99, and a province with no facts.
        await using (var db = warehouse.CreateDbContext())
        {
            var sk = await db.Indicators.Where(i => i.IndicatorCode == "CE_OPERATING_INCOME").Select(i => i.IndicatorSk).SingleAsync(ct);
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"UPDATE agg_distribution SET max = 99 WHERE indicator_sk = {sk} AND period_sk = 2024000 AND prefix = ''", ct));
            Assert.Equal(1, await db.Database.ExecuteSqlAsync($"INSERT INTO agg_distribution (indicator_sk, period_sk, prefix, count, band_counts) VALUES ({sk}, 2024000, '99', 0, '')", ct));
        }

        var corrupted = await GovernanceProcess.RunAsync(warehouse, "rollups", "check");
        Assert.Equal(1, corrupted.ExitCode);
        var compared = int.Parse(equal.Output.Trim()["Roll-ups equal the facts: ".Length..^" rows recomputed.".Length], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [
                "  distribution of CE_OPERATING_INCOME in 2024, the nation: max stored 99, expected 12",
                "  distribution of CE_OPERATING_INCOME in 2024, area 990000000000: kept in agg_distribution, but the facts have no value there",
                FormattableString.Invariant($"Roll-ups differ from the facts: 2 differences in {compared + 1:N0} rows recomputed."),
            ],
            corrupted.Output.Trim('\n').Split('\n'));

        Assert.Equal(0, (await GovernanceProcess.RunAsync(warehouse, "rollups", "rebuild")).ExitCode);
        Assert.Equal(0, (await GovernanceProcess.RunAsync(warehouse, "rollups", "check")).ExitCode);
    }

    [Fact]
    public async Task CheckExitsOneWhenTheRollupsAreOutOfUse()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await TwoTownships.LoadAsync(warehouse); // written around the ETL: the version advances, the roll-ups do not follow

        var run = await GovernanceProcess.RunAsync(warehouse, "rollups", "check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Roll-ups are out of use: exact at warehouse version", run.Output, StringComparison.Ordinal);
        Assert.Contains("Run `governance rollups rebuild`.", run.Output, StringComparison.Ordinal);
    }
}
