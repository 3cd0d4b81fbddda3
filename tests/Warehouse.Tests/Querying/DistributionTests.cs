using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Statistics;

namespace Governance.Warehouse.Tests.Querying;

public sealed class DistributionTests
{
    private const string Town = "361100102000";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DistributionOfFiveVillagesMatchesTheWorkedExample(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await Villages(warehouse, 2, 4, 7, 10, 30);

        var d = await warehouse.Engine<DistributionEngine>().QueryAsync(
            new DistributionRequest("CE_OPERATING_INCOME", PeriodKey.Parse("2024"), Town, Breaks: [5, 10, 50]), TestContext.Current.CancellationToken);

        Assert.Equal(5, d.Count);
        Assert.Equal((10.6, 2.0, 30.0), (Math.Round(d.Mean!.Value, 6), d.Min!.Value, d.Max!.Value));
        Assert.Equal(11.260551, d.StdDev!.Value, 6);
        Assert.Equal([2.8, 4, 7, 10, 22], new[] { d.P10, d.Q1, d.Median, d.Q3, d.P90 }.Select(q => Math.Round(q!.Value, 6)));
        Assert.Equal(0.467925, d.Gini!.Value, 6);
        Assert.Equal([("< 5", 2), ("[5, 10)", 1), ("[10, 50)", 2), (">= 50", 0)], d.Bands.Select(b => (b.Label, b.Count)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task IncomeDefaultsToTheIncomeBandsWithABandForNoIncome(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await Villages(warehouse, 0, 2, 5, 7, 30, 60, 100, 150);

        var d = await warehouse.Engine<DistributionEngine>().QueryAsync(
            new DistributionRequest("CE_OPERATING_INCOME", PeriodKey.Parse("2024"), Town), TestContext.Current.CancellationToken);

        Assert.Equal(
            [("none", 1), ("< 5", 1), ("[5, 10)", 2), ("[10, 50)", 1), ("[50, 100)", 1), (">= 100", 2)],
            d.Bands.Select(b => (b.Label, b.Count)));
    }

    /// <summary>
    /// A unit's value is its one fact at the indicator's own grain and level (read without grouping), and the sum or last
    /// value of several facts otherwise: townships over their villages, a year over quarterly flows and stocks.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EachUnitCountsOnceWithItsWholeValue(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        const string Other = "361100103000";
        var (v0, v1, v2, v3) = ("361100102200", "361100102201", "361100103200", "361100103201");
        await new Some(warehouse).Area(Town, "Town").Area(Other, "Other").Area(v0, "V0").Area(v1, "V1").Area(v2, "V2").Area(v3, "V3")
            .Value("CE_OPERATING_INCOME", v0, "2024", 2).Value("CE_OPERATING_INCOME", v1, "2024", 4)
            .Value("CE_OPERATING_INCOME", v2, "2024", 7).Value("CE_OPERATING_INCOME", v3, "2024", 10)
            .Value("CE_OPERATING_INCOME", v3, "2023", 99)
            .Value("CAD_TALKS", v0, "2024Q1", 1).Value("CAD_TALKS", v0, "2024Q2", 2).Value("CAD_TALKS", v0, "2024Q3", 3).Value("CAD_TALKS", v0, "2024Q4", 4)
            .Value("CAD_TALKS", v1, "2024Q1", 10).Value("CAD_TALKS", v1, "2024Q3", 5)
            .Value("GOV_GRIDS", v0, "2024Q1", 5).Value("GOV_GRIDS", v0, "2024Q2", 5).Value("GOV_GRIDS", v0, "2024Q4", 7)
            .Value("GOV_GRIDS", v1, "2024Q2", 3)
            .SaveAsync();
        var engine = warehouse.Engine<DistributionEngine>();
        async Task<(int, double?, double?, double?, double?)> Of(string indicator, string period, string? within = null, AreaLevel level = AreaLevel.Village)
        {
            var d = await engine.QueryAsync(new DistributionRequest(indicator, PeriodKey.Parse(period), within, level), TestContext.Current.CancellationToken);
            return (d.Count, d.Min, d.Median, d.Max, d.Mean);
        }

        Assert.Equal((4, 2.0, 5.5, 10.0, 5.75), await Of("CE_OPERATING_INCOME", "2024"));
        Assert.Equal((2, 7.0, 8.5, 10.0, 8.5), await Of("CE_OPERATING_INCOME", "2024", Other));
        Assert.Equal((2, 6.0, 11.5, 17.0, 11.5), await Of("CE_OPERATING_INCOME", "2024", level: AreaLevel.Township));
        Assert.Equal((2, 10.0, 12.5, 15.0, 12.5), await Of("CAD_TALKS", "2024"));
        Assert.Equal((2, 3.0, 5.0, 7.0, 5.0), await Of("GOV_GRIDS", "2024"));
        Assert.Equal((2, 3.0, 4.0, 5.0, 4.0), await Of("GOV_GRIDS", "2024Q2"));
    }

    [Fact]
    public void GiniOfEqualValuesIsZeroAndOfOneHolderIsOneMinusOneOverN()
    {
        Assert.Equal(0.0, Distribution.GiniOf([5, 5, 5, 5], 5));
        Assert.Equal(0.75, Distribution.GiniOf([0, 0, 0, 8], 2)!.Value, 9);
    }

    private static async Task Villages(TestWarehouse warehouse, params decimal[] incomes)
    {
        var some = new Some(warehouse).Area(Town, "Town");
        for (var i = 0; i < incomes.Length; i++)
        {
            var code = $"361100102{200 + i}";
            some.Area(code, $"V{i}").Value("CE_OPERATING_INCOME", code, "2024", incomes[i]);
        }

        await some.SaveAsync();
    }
}
