using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying;

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

        var d = await new DistributionEngine(warehouse.Factory).QueryAsync(
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

        var d = await new DistributionEngine(warehouse.Factory).QueryAsync(
            new DistributionRequest("CE_OPERATING_INCOME", PeriodKey.Parse("2024"), Town), TestContext.Current.CancellationToken);

        Assert.Equal(
            [("none", 1), ("< 5", 1), ("[5, 10)", 2), ("[10, 50)", 1), ("[50, 100)", 1), (">= 100", 2)],
            d.Bands.Select(b => (b.Label, b.Count)));
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
