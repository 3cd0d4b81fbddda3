using System.Globalization;
using System.Text;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Statistics;
using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// The precomputed default distributions (<c>agg_distribution</c>): a load writes them in its transaction for the nation
/// and every area holding a unit it loaded; the engine answers from them, and its answer equals, field by field, the
/// one from the facts (the same request after the roll-up rows are deleted) and the statistics computed here from the
/// values written; a restatement refreshes them; a rejected file changes none.
/// </summary>
public sealed class DistributionRollupTests
{
    private const string Income = "CE_OPERATING_INCOME";
    private const string Province = "36";
    private static readonly string[] Towns = ["361100101000", "361100102000", "361100103000"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALoadKeepsTheDefaultDistributionsAndTheyEqualTheFactPathFieldByField(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var villages = Villages();
        var areas = Loaders.Areas(warehouse);
        Assert.Equal(LoadBatchStatus.Loaded, (await areas.LoadAsync(folder.Write("areas.csv", AreaFile(villages)), LoadOptions.Default, Ct)).Status);
        var values = villages.Select((v, i) => (Village: v, Value: Value(i))).ToList();
        var loader = Loaders.Indicators(warehouse);
        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2024.csv", Facts(values)), LoadOptions.Default, Ct)).Status);

        // Rows for the nation, the province, the prefecture, the county and each town.
        Assert.Equal(["", "36", "3611", "361100", .. Towns.Select(t => t[..9])], await PrefixesAsync(warehouse));
        var engine = warehouse.Engine<DistributionEngine>();
        var within = new string?[] { null, "360000000000", "361100000000", Towns[0], Towns[2] };
        var rolledUp = new List<Distribution>();
        foreach (var area in within)
        {
            rolledUp.Add(await engine.QueryAsync(new DistributionRequest(Income, PeriodKey.Parse("2024"), area), Ct));
        }

        // Independently: the nation's count, mean, extremes and median of the values written, and the income bands.
        var sorted = values.Select(v => (double)v.Value).Order().ToArray();
        var nation = rolledUp[0];
        Assert.Equal((sorted.Length, sorted[0], sorted[^1]), (nation.Count, nation.Min!.Value, nation.Max!.Value));
        Assert.Equal(sorted.Average(), nation.Mean!.Value, 9); // summed otherwise than MathNet's running mean: the last bits may differ
        Assert.Equal(sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2, nation.Median!.Value, 9);
        Assert.Equal(
            [sorted.Count(v => v == 0), sorted.Count(v => v is > 0 and < 5), sorted.Count(v => v is >= 5 and < 10), sorted.Count(v => v is >= 10 and < 50), sorted.Count(v => v is >= 50 and < 100), sorted.Count(v => v >= 100)],
            nation.Bands.Select(b => b.Count));
        Assert.Equal(villages.Count(v => v.StartsWith(Towns[2][..9], StringComparison.Ordinal)), rolledUp[4].Count);

        await AssertEqualsFactPathAsync(warehouse, engine, within, rolledUp);

        // A restatement of two villages of the first town: their areas are refreshed, the others keep their rows.
        var restated = new[] { (villages[0], 1234.5m), (villages[1], 0m) };
        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2024-revised.csv", Facts(restated)), LoadOptions.Default, Ct)).Status);
        var after = new List<Distribution>();
        foreach (var area in within)
        {
            after.Add(await engine.QueryAsync(new DistributionRequest(Income, PeriodKey.Parse("2024"), area), Ct));
        }

        var now = values.Select(v => (double)(restated.FirstOrDefault(r => r.Item1 == v.Village) is { Item1: not null } r ? r.Item2 : v.Value)).Order().ToArray();
        Assert.Equal((now.Length, now[^1], now[now.Length / 2], now.Count(v => v == 0)), (after[0].Count, after[0].Max!.Value, after[0].Median!.Value, after[0].Bands[0].Count));
        Assert.NotEqual(Describe(rolledUp[3]), Describe(after[3])); // the first town's row changed
        Assert.Equal(Describe(rolledUp[4]), Describe(after[4])); // the third town had no restated village
        await AssertEqualsFactPathAsync(warehouse, engine, within, after);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ARejectedFileChangesNoRollUpAndARebuildWritesTheSameRows(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var villages = Villages();
        Assert.Equal(LoadBatchStatus.Loaded, (await Loaders.Areas(warehouse).LoadAsync(folder.Write("areas.csv", AreaFile(villages)), LoadOptions.Default, Ct)).Status);
        var loader = Loaders.Indicators(warehouse);
        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2024.csv", Facts(villages.Select((v, i) => (v, Value(i))))), LoadOptions.Default, Ct)).Status);
        var before = await RowsAsync(warehouse);

        var rejected = await loader.LoadAsync(folder.Write("bad.csv", Facts([(villages[0], 999m)]) + "999999999999,2024,CE_OPERATING_INCOME,1\n"), LoadOptions.Default, Ct);
        Assert.Equal(LoadBatchStatus.Rejected, rejected.Status);
        Assert.Equal(before, await RowsAsync(warehouse));

        Assert.Equal(before.Count, await RebuildAsync(warehouse));

        Assert.Equal(before, await RowsAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ARefreshOverMoreAreasThanTheEngineTakesParametersWritesTheSameRows(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var villages = Villages();
        Assert.Equal(LoadBatchStatus.Loaded, (await Loaders.Areas(warehouse).LoadAsync(folder.Write("areas.csv", AreaFile(villages)), LoadOptions.Default, Ct)).Status);
        Assert.Equal(LoadBatchStatus.Loaded, (await Loaders.Indicators(warehouse).LoadAsync(folder.Write("2024.csv", Facts(villages.Select((v, i) => (v, Value(i))))), LoadOptions.Default, Ct)).Status);
        var before = await RowsAsync(warehouse);

        // A national file's units: 40,000 villages in 40,000 townships beside the loaded ones, 80,000 areas to refresh
        // with their counties (more than SQLite's 32,766 parameters a statement, far more than SQL Server's 2,100).
        var units = villages.Concat(Enumerable.Range(0, 40_000).Select(n => string.Create(CultureInfo.InvariantCulture, $"37{n / 100:0000}{n % 100:000}200"))).ToList();
        await using (var db = warehouse.CreateDbContext())
        {
            var pairs = await db.DistributionRollups.Select(d => new { d.IndicatorSk, d.PeriodSk }).Distinct().ToListAsync(Ct);
            Assert.Single(pairs);
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(Ct);
                Assert.Equal(before.Count, await DistributionRollups.RefreshAsync(db, [(pairs[0].IndicatorSk, pairs[0].PeriodSk)], units, Ct));
                await transaction.CommitAsync(Ct);
            });
        }

        Assert.Equal(before, await RowsAsync(warehouse));
    }

    private static async Task AssertEqualsFactPathAsync(TestWarehouse warehouse, DistributionEngine engine, string?[] within, List<Distribution> rolledUp)
    {
        await using (var db = warehouse.CreateDbContext())
        {
            Assert.NotEqual(0, await db.DistributionRollups.ExecuteDeleteAsync(Ct));
        }

        for (var i = 0; i < within.Length; i++)
        {
            var fromFacts = await engine.QueryAsync(new DistributionRequest(Income, PeriodKey.Parse("2024"), within[i]), Ct);
            Assert.Equal(Describe(fromFacts), Describe(rolledUp[i]));
        }

        await RebuildAsync(warehouse);
    }

    private static async Task<int> RebuildAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var written = await DistributionRollups.RebuildAsync(db, Ct);
            await transaction.CommitAsync(Ct);
            return written;
        });
    }

    /// <summary>Every field, the doubles by their exact bits (round-trip format).</summary>
    private static string Describe(Distribution d) => string.Join(
        "|",
        new object?[] { d.Count, d.Mean, d.StdDev, d.Min, d.P10, d.Q1, d.Median, d.Q3, d.P90, d.Max, d.Gini }.Select(v => v is double x ? x.ToString("R", CultureInfo.InvariantCulture) : v?.ToString() ?? "null")
            .Concat(d.Bands.Select(b => $"{b.Label}:{b.Count}")));

    private static async Task<List<string>> PrefixesAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return (await db.DistributionRollups.Select(d => d.Prefix).ToListAsync(Ct)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<List<string>> RowsAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return (await db.DistributionRollups.AsNoTracking().ToListAsync(Ct))
            .Select(d => string.Join("|", d.IndicatorSk, d.PeriodSk, d.Prefix, d.Count, d.Mean?.ToString("R", CultureInfo.InvariantCulture), d.Median?.ToString("R", CultureInfo.InvariantCulture), d.Gini?.ToString("R", CultureInfo.InvariantCulture), d.BandCounts))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Seven villages in the first town, five in the second, four in the third.</summary>
    private static List<string> Villages() =>
        [.. Towns.SelectMany((t, i) => Enumerable.Range(0, 7 - (i * 1) - (i == 2 ? 1 : 0)).Select(v => t[..9] + (200 + v).ToString(CultureInfo.InvariantCulture)))];

    /// <summary>Values over every income band, with zeros and four decimals.</summary>
    private static decimal Value(int i) => (i % 5) switch { 0 => 0m, 1 => 3.1416m * i, 2 => 7.25m, 3 => 42.0001m + i, _ => 150.5m * i };

    private static string AreaFile(IEnumerable<string> villages)
    {
        var text = new StringBuilder("code,name,urban_rural\n360000000000,省,\n361100000000,县,\n");
        foreach (var town in Towns)
        {
            text.Append(CultureInfo.InvariantCulture, $"{town},镇{town[6..9]},121\n");
        }

        foreach (var village in villages)
        {
            text.Append(CultureInfo.InvariantCulture, $"{village},村{village[6..]},220\n");
        }

        return text.ToString();
    }

    private static string Facts(IEnumerable<(string Village, decimal Value)> rows) =>
        "area_code,period,indicator,value\n" + string.Concat(rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Village},2024,{Income},{r.Value}\n")));
}
