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
using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// The kept rankings (<c>agg_ranking</c>): a load writes the first and last villages by value and by year-on-year growth
/// of the nation, each province and each prefecture; a top or bottom N of villages reads them and evaluates only its
/// villages, and its page equals, field by field, the fact path's (the same request after the ranking rows are deleted),
/// ties, missing and zero bases included, after a load, a restatement of the year before and a merge; a rebuild writes
/// the rows the loads kept, and the check finds no difference.
/// </summary>
public sealed class RankingRollupTests
{
    private const string Income = "CE_OPERATING_INCOME";

    /// <summary>Towns of two provinces and three prefectures; the first holds more villages than a ranking keeps.</summary>
    private static readonly (string Town, int Villages)[] Towns = [("110100101000", 10), ("361100101000", 120), ("361200101000", 8)];

    private static readonly string?[] Within = [null, "110000000000", "360000000000", "361100000000", "361200000000", "361100101000"];

    private static readonly ObservationOrder[] Orders =
    [
        new(ObservationOrderField.Value, Descending: true),
        new(ObservationOrderField.Value),
        new(ObservationOrderField.YoyGrowth, Descending: true),
        new(ObservationOrderField.YoyGrowth),
        new(ObservationOrderField.PeriodGrowth, Descending: true),
    ];

    private static readonly (int Offset, int Size)[] Pages = [(0, 10), (0, 3), (5, 3), (90, 10), (0, 100), (95, 10)];

    /// <summary>What the API asks for without a filter on areas: the page's areas are attached after paging.</summary>
    private const ObservationParts Parts = ObservationParts.All & ~ObservationParts.Areas;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ATopOrBottomNFromTheKeptRankingEqualsTheFactPathAfterALoadARestatementAndAMerge(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var villages = Villages();
        var areas = Loaders.Areas(warehouse);
        Assert.Equal(LoadBatchStatus.Loaded, (await areas.LoadAsync(folder.Write("areas.csv", AreaFile(villages)), LoadOptions.Default, Ct)).Status);
        var loader = Loaders.Indicators(warehouse);
        var values = new Dictionary<(string Village, int Year), decimal>();
        foreach (var (village, i) in villages.Select((v, i) => (v, i)))
        {
            if (i % 11 != 4)
            {
                values[(village, 2023)] = Value(i, 2023); // every eleventh village has no base
            }

            values[(village, 2024)] = Value(i, 2024);
        }

        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2023.csv", Facts(values, 2023)), LoadOptions.Default, Ct)).Status);
        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2024.csv", Facts(values, 2024)), LoadOptions.Default, Ct)).Status);
        var pager = warehouse.Engine<ObservationPager>();

        // Independently: the nation's top 3 by value and by growth in 2024, ties by code.
        var top = await PageAsync(pager, null, 2024, Orders[0], 0, 3);
        Assert.Equal(Expected(values, 2024, byGrowth: false).Take(3), top.Rows.Select(r => (r.AreaCode, r.Value!.Value)));
        Assert.Equal(villages.Count, top.TotalCount);
        var topGrowth = await PageAsync(pager, null, 2024, Orders[2], 0, 3);
        Assert.Equal(Expected(values, 2024, byGrowth: true).Take(3), topGrowth.Rows.Select(r => (r.AreaCode, r.YoyGrowth!.Value)));

        // The page is read from the ranking: a ranking altered by hand shows in the answer.
        await ExecuteAsync(warehouse, $"UPDATE agg_ranking SET area_code = '{villages[^1]}' WHERE prefix = '' AND measure = 'Value' AND is_descending = {True(provider)} AND rank = 1 AND period_sk = 2024000");
        Assert.Contains(villages[^1], (await PageAsync(pager, null, 2024, Orders[0], 0, 3)).Rows.Select(r => r.AreaCode));
        await ExecuteAsync(warehouse, $"UPDATE agg_ranking SET area_code = '{villages[^1]}' WHERE prefix = '36' AND measure = 'YoyGrowth' AND is_descending = {True(provider)} AND rank = 1 AND period_sk = 2024000");
        Assert.Contains(villages[^1], (await PageAsync(pager, "360000000000", 2024, Orders[4], 0, 3)).Rows.Select(r => r.AreaCode));
        await RebuildAsync(warehouse);
        await AssertRankedEqualsFactsAsync(warehouse, pager, [2023, 2024]);

        // A restatement of 2023 moves the 2024 growth ranking: the load refreshes the year after the one it wrote.
        var restated = villages.Where((_, i) => i % 9 == 1 && i % 11 != 4).ToList();
        foreach (var village in restated)
        {
            values[(village, 2023)] = 0.5m;
        }

        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2023-revised.csv", Facts(restated.ToDictionary(v => (v, 2023), v => values[(v, 2023)]), 2023)), LoadOptions.Default, Ct)).Status);
        topGrowth = await PageAsync(pager, null, 2024, Orders[2], 0, 3);
        Assert.Equal(Expected(values, 2024, byGrowth: true).Take(3), topGrowth.Rows.Select(r => (r.AreaCode, r.YoyGrowth!.Value)));
        await AssertRankedEqualsFactsAsync(warehouse, pager, [2023, 2024]);

        // A merge at the start of 2025: the new village reports 2025 without a base of its own, as reported.
        var (first, second) = (villages[17], villages[18]);
        var merged = first[..9] + "399";
        var mergeFile = $"code,name,urban_rural,valid_from,valid_to,replaces\n{merged},合并村,220,2025-01-01,,{first};{second}\n";
        Assert.Equal(LoadBatchStatus.Loaded, (await areas.LoadAsync(folder.Write("merge.csv", mergeFile), LoadOptions.Default, Ct)).Status);
        var year2025 = villages.Where(v => v != first && v != second).Select((v, i) => (v, i)).ToDictionary(x => (x.v, 2025), x => Value(x.i + 3, 2025));
        year2025[(merged, 2025)] = 1000m;
        foreach (var pair in year2025)
        {
            values[pair.Key] = pair.Value;
        }

        Assert.Equal(LoadBatchStatus.Loaded, (await loader.LoadAsync(folder.Write("2025.csv", Facts(year2025, 2025)), LoadOptions.Default, Ct)).Status);
        var top2025 = await PageAsync(pager, "360000000000", 2025, Orders[0], 0, 1);
        Assert.Equal((merged, 1000d, (double?)null), (top2025.Rows[0].AreaCode, top2025.Rows[0].Value!.Value, top2025.Rows[0].YoyGrowth));
        await AssertRankedEqualsFactsAsync(warehouse, pager, [2024, 2025]);

        // What the loads kept is what a rebuild writes, and the check finds nothing.
        var kept = await RowsAsync(warehouse);
        Assert.Equal(kept.Count, await RebuildAsync(warehouse));
        Assert.Equal(kept, await RowsAsync(warehouse));
        Assert.Empty(await CheckAsync(warehouse));
        await ExecuteAsync(warehouse, "UPDATE agg_ranking SET sort_value = sort_value + 1 WHERE rank = 2 AND prefix = '36' AND measure = 'YoyGrowth' AND period_sk = 2024000");
        Assert.Equal(2, (await CheckAsync(warehouse)).Count); // the two directions' rank 2
    }

    /// <summary>Every request of the grid, answered with the rankings and again without them (the facts), field by field.</summary>
    private static async Task AssertRankedEqualsFactsAsync(TestWarehouse warehouse, ObservationPager pager, int[] years)
    {
        var ranked = new List<string>();
        foreach (var request in Requests(years))
        {
            ranked.Add(Describe(await PageAsync(pager, request.Within, request.Year, request.Order, request.Offset, request.Size)));
        }

        await using (var db = warehouse.CreateDbContext())
        {
            Assert.NotEqual(0, await db.RankingRollups.ExecuteDeleteAsync(Ct));
        }

        var facts = new List<string>();
        foreach (var request in Requests(years))
        {
            facts.Add(Describe(await PageAsync(pager, request.Within, request.Year, request.Order, request.Offset, request.Size)));
        }

        Assert.Equal(facts, ranked);
        Assert.Contains(ranked, r => r.Contains("yoy=-", StringComparison.Ordinal)); // growth both ways, and missing ones
        Assert.Contains(ranked, r => r.Contains("yoy=null", StringComparison.Ordinal));
        await RebuildAsync(warehouse);
    }

    private static IEnumerable<(string? Within, int Year, ObservationOrder Order, int Offset, int Size)> Requests(int[] years) =>
        from year in years
        from within in Within
        from order in Orders
        from page in Pages
        select (within, year, order, page.Offset, page.Size);

    private static Task<ObservationPage> PageAsync(ObservationPager pager, string? within, int year, ObservationOrder order, int offset, int size) =>
        pager.PageAsync(new ObservationRequest([Income], AreaLevel.Village, within, PeriodGrain.Year, PeriodKey.ForYear(year), PeriodKey.ForYear(year), Parts: Parts), [order], null, offset, size, countTotal: true, Ct);

    /// <summary>Every field of every row, the doubles by their exact bits, and the total.</summary>
    private static string Describe(ObservationPage page) =>
        $"total={page.TotalCount}|" + string.Join(
            ";",
            page.Rows.Select(r => string.Join(
                ",",
                r.AreaCode,
                r.Period.Value,
                r.IndicatorCode,
                R(r.Value),
                R(r.Numerator),
                R(r.Denominator),
                r.ReportingUnits,
                r.ExpectedUnits,
                R(r.PreviousValue),
                R(r.PeriodGrowth),
                "yoy=" + R(r.YoyGrowth),
                R(r.Change),
                R(r.YoyChange),
                r.Area?.AreaSk,
                r.Area?.Name)));

    private static string R(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "null";

    /// <summary>The nation's villages by value or growth, largest first, ties by code: computed here from the values written.</summary>
    private static IEnumerable<(string Code, double Key)> Expected(Dictionary<(string Village, int Year), decimal> values, int year, bool byGrowth) =>
        values.Where(v => v.Key.Year == year)
            .Select(v => (Code: v.Key.Village, Key: byGrowth
                ? values.TryGetValue((v.Key.Village, year - 1), out var b) && b != 0 ? ((double)v.Value - (double)b) / (double)b : (double?)null
                : (double)v.Value))
            .Where(v => v.Key is not null)
            .OrderByDescending(v => v.Key)
            .ThenBy(v => v.Code, StringComparer.Ordinal)
            .Select(v => (v.Code, v.Key!.Value));

    private static async Task<List<string>> CheckAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        var found = new RollupDifferences(100);
        await RankingCheck.CompareAsync(db, found, Ct);
        return [.. found.Listed];
    }

    private static async Task<int> RebuildAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            var written = await RankingRollups.RebuildAsync(db, Ct);
            await transaction.CommitAsync(Ct);
            return written;
        });
    }

    private static async Task ExecuteAsync(TestWarehouse warehouse, string sql)
    {
        await using var db = warehouse.CreateDbContext();
        Assert.NotEqual(0, await db.Database.ExecuteSqlRawAsync(sql, Ct));
    }

    private static string True(WarehouseProvider provider) => provider == WarehouseProvider.Postgres ? "true" : "1";

    private static async Task<List<string>> RowsAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return (await db.RankingRollups.AsNoTracking().ToListAsync(Ct))
            .Select(r => string.Join("|", r.IndicatorSk, r.PeriodSk, r.Prefix, r.Measure, r.IsDescending, r.Rank, r.AreaCode, R(r.SortValue), r.AreaUnitCount))
            .Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> Villages() =>
        [.. Towns.SelectMany(t => Enumerable.Range(0, t.Villages).Select(v => t.Town[..9] + (200 + v).ToString(CultureInfo.InvariantCulture)))];

    /// <summary>Few distinct values, so that values and growths tie; zeros, so that some bases are zero.</summary>
    private static decimal Value(int i, int year) => ((i * (year - 2020)) % 7) * 1.5m;

    private static string AreaFile(IEnumerable<string> villages)
    {
        var text = new StringBuilder("code,name,urban_rural\n110000000000,市,\n110100000000,区,\n360000000000,省,\n361100000000,市,\n361200000000,市,\n");
        foreach (var (town, _) in Towns)
        {
            text.Append(CultureInfo.InvariantCulture, $"{town},镇{town[..6]},121\n");
        }

        foreach (var village in villages)
        {
            text.Append(CultureInfo.InvariantCulture, $"{village},村{village[6..]},220\n");
        }

        return text.ToString();
    }

    private static string Facts(Dictionary<(string Village, int Year), decimal> values, int year) =>
        "area_code,period,indicator,value\n" + string.Concat(values.Where(v => v.Key.Year == year).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key.Village},{year},{Income},{v.Value}\n")));
}
