using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;

namespace Governance.Warehouse.Tests.Querying;

/// <summary>
/// A random small county (seeded), its values written straight into the tables, and every aggregate recomputed here
/// with LINQ to objects over the generated list, independently of the engine.
/// </summary>
public sealed class GeneratedCountyTests
{
    private const string County = "361102000000";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EngineAgreesWithAnIndependentComputationOverGeneratedData(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var facts = await GenerateAsync(warehouse, seed: 20261125);
        var engine = warehouse.Engine<ObservationEngine>();
        var token = TestContext.Current.CancellationToken;

        async Task<Dictionary<(string, string), double?>> Engine(string indicator, AreaLevel level, PeriodGrain grain, string from, string to) =>
            (await engine.QueryAsync(new ObservationRequest([indicator], level, County, grain, PeriodKey.Parse(from), PeriodKey.Parse(to)), token))
                .ToDictionary(o => (o.AreaCode, o.Period.Value), o => o.Value is { } v ? Math.Round(v, 6) : (double?)null);

        // Flow, township by year: sum of the villages' values.
        var flow = facts.Where(f => f.Indicator == "CE_OPERATING_INCOME")
            .GroupBy(f => (Township(f.Area), f.Period))
            .ToDictionary(g => g.Key, g => (double?)Math.Round(g.Sum(f => f.Value), 6));
        Assert.Equal(Sorted(flow), Sorted(await Engine("CE_OPERATING_INCOME", AreaLevel.Township, PeriodGrain.Year, "2021", "2023")));

        // Flow, county by year.
        var countyFlow = facts.Where(f => f.Indicator == "CE_OPERATING_INCOME")
            .GroupBy(f => (County, f.Period))
            .ToDictionary(g => g.Key, g => (double?)Math.Round(g.Sum(f => f.Value), 6));
        Assert.Equal(Sorted(countyFlow), Sorted(await Engine("CE_OPERATING_INCOME", AreaLevel.County, PeriodGrain.Year, "2021", "2023")));

        // Stock, township by year: each unit's last quarter of the year, summed over units.
        var stock = facts.Where(f => f.Indicator == "GOV_GRIDS")
            .GroupBy(f => (f.Area, Year: f.Period[..4]))
            .Select(g => (g.Key.Area, g.Key.Year, Last: g.OrderBy(f => f.Period, StringComparer.Ordinal).Last().Value))
            .GroupBy(u => (Township(u.Area), u.Year))
            .ToDictionary(g => g.Key, g => (double?)Math.Round(g.Sum(u => u.Last), 6));
        Assert.Equal(Sorted(stock), Sorted(await Engine("GOV_GRIDS", AreaLevel.Township, PeriodGrain.Year, "2021", "2023")));

        // Monthly flow summed to quarters.
        var sessions = facts.Where(f => f.Indicator == "CAD_TRAINING_SESSIONS")
            .GroupBy(f => (f.Area, Quarter: $"{f.Period[..4]}Q{((int.Parse(f.Period[4..], System.Globalization.CultureInfo.InvariantCulture) - 1) / 3) + 1}"))
            .ToDictionary(g => g.Key, g => (double?)Math.Round(g.Sum(f => f.Value), 6));
        Assert.Equal(Sorted(sessions), Sorted(await Engine("CAD_TRAINING_SESSIONS", AreaLevel.Township, PeriodGrain.Quarter, "2021Q1", "2023Q4")));

        // Ratio, township by quarter: summed numerators over summed denominators, x 100.
        var coverage = facts.Where(f => f.Indicator is "ORG_COMPOUNDS" or "ORG_COMPOUNDS_WITH_BRANCH")
            .GroupBy(f => (Township(f.Area), f.Period))
            .ToDictionary(g => g.Key, g => (double?)Math.Round(
                g.Where(f => f.Indicator == "ORG_COMPOUNDS_WITH_BRANCH").Sum(f => f.Value) / g.Where(f => f.Indicator == "ORG_COMPOUNDS").Sum(f => f.Value) * 100, 6));
        Assert.Equal(Sorted(coverage), Sorted(await Engine("ORG_COMPOUND_COVERAGE", AreaLevel.Township, PeriodGrain.Quarter, "2021Q1", "2023Q4")));

        // Conditional count with the default threshold of 10, and the per-village average.
        var incomes = facts.Where(f => f.Indicator == "CE_OPERATING_INCOME").ToList();
        var weak = incomes.GroupBy(f => (Township(f.Area), f.Period)).ToDictionary(g => g.Key, g => (double?)g.Count(f => f.Value < 10));
        Assert.Equal(Sorted(weak), Sorted(await Engine("CE_WEAK_VILLAGES", AreaLevel.Township, PeriodGrain.Year, "2021", "2023")));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task VillagePagesSortedByTheDatabaseAgreeWithTheGeneratedFacts(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var facts = await GenerateAsync(warehouse, seed: 7);
        var pager = warehouse.Engine<ObservationPager>();
        var request = new ObservationRequest(["CE_OPERATING_INCOME"], AreaLevel.Village, County, PeriodGrain.Year, PeriodKey.Parse("2022"), PeriodKey.Parse("2023"));
        var incomes = facts.Where(f => f.Indicator == "CE_OPERATING_INCOME").ToDictionary(f => (f.Area, f.Period), f => f.Value);
        var rows = incomes.Where(i => i.Key.Period != "2021").ToList();

        foreach (var (order, expected) in new (ObservationOrder[] Order, IEnumerable<KeyValuePair<(string Area, string Period), double>> Rows)[]
        {
            ([new ObservationOrder(ObservationOrderField.Value, Descending: true)], rows.OrderByDescending(r => r.Value).ThenBy(r => r.Key.Area, StringComparer.Ordinal).ThenBy(r => r.Key.Period, StringComparer.Ordinal)),
            ([new ObservationOrder(ObservationOrderField.Value)], rows.OrderBy(r => r.Value).ThenBy(r => r.Key.Area, StringComparer.Ordinal).ThenBy(r => r.Key.Period, StringComparer.Ordinal)),
            ([], rows.OrderBy(r => r.Key.Area, StringComparer.Ordinal).ThenBy(r => r.Key.Period, StringComparer.Ordinal)),
        })
        {
            var page = await pager.PageAsync(request, order, filter: null, offset: 3, size: 5, countTotal: true, TestContext.Current.CancellationToken);

            var want = expected.Skip(3).Take(5).Select(r => (r.Key.Area, r.Key.Period, r.Value, Yoy: incomes.TryGetValue((r.Key.Area, $"{int.Parse(r.Key.Period, System.Globalization.CultureInfo.InvariantCulture) - 1}"), out var before) && before != 0 ? Math.Round((r.Value / before) - 1, 9) : (double?)null, Units: 1));
            Assert.Equal(want, page.Rows.Select(o => (o.AreaCode, o.Period.Value, Math.Round(o.Value!.Value, 6), o.YoyGrowth is { } g ? Math.Round(g, 9) : (double?)null, o.ExpectedUnits)));
            Assert.Equal(rows.Count, page.TotalCount);
        }
    }

    private static string Township(string area) => area[..9] + "000";

    private static List<KeyValuePair<(string, string), double?>> Sorted(Dictionary<(string, string), double?> map) =>
        map.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal).ToList();

    private static async Task<List<(string Indicator, string Area, string Period, double Value)>> GenerateAsync(TestWarehouse warehouse, int seed)
    {
        var random = new Random(seed);
        var facts = new List<(string Indicator, string Area, string Period, double Value)>();
        var some = new Some(warehouse).Area(County, "County");
        for (var t = 1; t <= 3; t++)
        {
            var township = $"361102{100 + t}000";
            some.Area(township, $"Town {t}");
            for (var month = 1; month <= 36; month++)
            {
                if (random.NextDouble() < 0.8)
                {
                    facts.Add(("CAD_TRAINING_SESSIONS", township, $"{2021 + ((month - 1) / 12)}{((month - 1) % 12) + 1:00}", random.Next(0, 4)));
                }
            }

            for (var v = 0; v < 6; v++)
            {
                var village = $"361102{100 + t}{200 + v}";
                some.Area(village, $"Village {t}-{v}");
                for (var year = 2021; year <= 2023; year++)
                {
                    if (random.NextDouble() < 0.85)
                    {
                        facts.Add(("CE_OPERATING_INCOME", village, $"{year}", Math.Round(random.NextDouble() * 40, 2)));
                    }

                    foreach (var q in Enumerable.Range(1, 4).Where(_ => random.NextDouble() < 0.7))
                    {
                        facts.Add(("GOV_GRIDS", village, $"{year}Q{q}", random.Next(1, 9)));
                    }
                }
            }

            for (var c = 1; c <= 2; c++)
            {
                var community = $"361102{100 + t}{c:000}";
                some.Area(community, $"Community {t}-{c}");
                foreach (var quarter in Enumerable.Range(0, 12).Where(_ => random.NextDouble() < 0.8))
                {
                    var period = $"{2021 + (quarter / 4)}Q{(quarter % 4) + 1}";
                    var compounds = random.Next(5, 20);
                    facts.Add(("ORG_COMPOUNDS", community, period, compounds));
                    facts.Add(("ORG_COMPOUNDS_WITH_BRANCH", community, period, random.Next(0, compounds + 1)));
                }
            }
        }

        foreach (var (indicator, area, period, value) in facts)
        {
            some.Value(indicator, area, period, (decimal)value);
        }

        await some.SaveAsync();
        return facts;
    }
}
