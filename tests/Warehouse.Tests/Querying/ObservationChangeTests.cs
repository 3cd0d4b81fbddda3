using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Statistics;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Warehouse.Tests.Querying;

/// <summary>Absolute change beside growth (SEMANTICS.md, "Change and growth"), number for number, on every engine.</summary>
public sealed class ObservationChangeTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheChangeOfAPercentageIsInPointsWhereGrowthIsRelative(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await Query(warehouse, "ORG_COMPOUND_COVERAGE", AreaLevel.Township, PeriodGrain.Year, "2023", "2024");

        // 2023: (5 + 4) / (6 + 4) = 90%; 2024, each community's last quarter: (9 + 7) / (15 + 10) = 64%.
        Assert.Equal([("2023", 90.0, null, null), ("2024", 64.0, -26.0, -26.0)], rows.Select(r => (r.Period.Value, r.Value!.Value, r.Change, r.YoyChange)));
        Assert.Equal((16.0, 25.0), (rows[1].Numerator!.Value, rows[1].Denominator!.Value));
        Assert.Equal(-0.288889, rows[1].YoyGrowth!.Value, 6);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AtQuarterGrainChangeComparesWithThePreviousQuarterAndYoyChangeWithTheYearBefore(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var coverage = await Query(warehouse, "ORG_COMPOUND_COVERAGE", AreaLevel.Township, PeriodGrain.Quarter, "2024Q1", "2024Q4");
        var grids = await Query(warehouse, "GOV_GRIDS", AreaLevel.Township, PeriodGrain.Quarter, "2024Q1", "2024Q4");

        // Coverage is reported in Q2 (13 / 15) and Q4 (64%, against 90% in 2023Q4); Q1 and Q3 have no row.
        Assert.Equal([("2024Q2", null, null), ("2024Q4", null, -26.0)], coverage.Select(r => (r.Period.Value, r.Change, r.YoyChange)));
        Assert.Equal(
            [("2024Q1", 7.0, null, null), ("2024Q2", 7.0, 0.0, null), ("2024Q3", 5.0, -2.0, null), ("2024Q4", 5.0, 0.0, (double?)null)],
            grids.Select(r => (r.Period.Value, r.Value!.Value, r.Change, r.YoyChange)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MoneyFlowsAndStocksChangeInTheirOwnUnit(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var income = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Township, PeriodGrain.Year, "2022", "2024");
        var profit = await Query(warehouse, "CE_OPERATING_PROFIT", AreaLevel.Township, PeriodGrain.Year, "2024", "2024");
        var members = await Query(warehouse, "ORG_PARTY_MEMBERS", AreaLevel.Township, PeriodGrain.Year, "2023", "2024");

        // T's income 12, 15, 14, 21 for 2021-2024; V1's profit 10.1 then 12.3 万元; party members 140 then 119.
        Assert.Equal([(3.0, 3.0), (-1.0, -1.0), (7.0, 7.0)], income.Select(r => (r.Change!.Value, r.YoyChange!.Value)));
        Assert.Equal(2.2, Assert.Single(profit).Change);
        Assert.Equal([(140.0, null), (119.0, -21.0)], members.Select(r => (r.Value!.Value, r.YoyChange)));
        Assert.Equal(-0.15, members[1].YoyGrowth!.Value, 6);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ChangeIsNullWithoutABaseAndDefinedOnAZeroBaseWhereGrowthIsNull(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        await new Some(warehouse).Value("CAD_TRAINING_SESSIONS", T, "202302", 4).SaveAsync();

        var months = await Query(warehouse, "CAD_TRAINING_SESSIONS", AreaLevel.Township, PeriodGrain.Month, "202401", "202403");

        // 2, 0, 1 in January-March 2024; only February 2023 (4) a year before; nothing in December 2023.
        Assert.Equal(
            [("202401", null, null, null, null), ("202402", -2.0, -1.0, -4.0, -1.0), ("202403", 1.0, null, null, (double?)null)],
            months.Select(r => (r.Period.Value, r.Change, r.PeriodGrowth, r.YoyChange, r.YoyGrowth)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OrderingByYoyChangePutsTheLargestDropFirstAndRowsWithoutABaseLast(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        var pager = warehouse.Engine<ObservationPager>();
        var request = Request("ORG_PARTY_MEMBERS", PeriodGrain.Year, "2024", "2024");
        async Task<List<(string, double?)>> Page(ObservationOrderField field, bool descending, int offset, int size) =>
            [.. (await pager.PageAsync(request, [new ObservationOrder(field, descending)], null, offset, size, countTotal: true, TestContext.Current.CancellationToken)).Rows
                .Select(r => (r.AreaCode, field == ObservationOrderField.Change ? r.Change : r.YoyChange))];

        // 2023 to 2024: V1 50 -> 40, K1 40 -> 32, K2 20 -> 12; V4 has no 2023 as reported. Ties go by area code.
        Assert.Equal([(V1, -10.0), (K1, -8.0)], await Page(ObservationOrderField.YoyChange, false, 0, 2));
        Assert.Equal([(K2, -8.0), (V4, null)], await Page(ObservationOrderField.YoyChange, false, 2, 2));
        Assert.Equal([(K1, -8.0), (K2, -8.0), (V1, -10.0), (V4, null)], await Page(ObservationOrderField.YoyChange, true, 0, 10));
        Assert.Equal([(V1, -10.0), (K1, -8.0), (K2, -8.0), (V4, null)], await Page(ObservationOrderField.Change, false, 0, 10));
        Assert.Equal([(K1, -8.0), (K2, -8.0)], await Page(ObservationOrderField.Change, true, 0, 2));
        Assert.Equal([(V1, -10.0), (V4, null)], await Page(ObservationOrderField.Change, true, 2, 2));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OrderingByChangeAtQuarterGrainDiffersFromYoyChange(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        var request = Request("GOV_GRIDS", PeriodGrain.Quarter, "2024Q1", "2024Q4");

        var change = await warehouse.Engine<ObservationPager>().PageAsync(request, [new ObservationOrder(ObservationOrderField.Change, Descending: true)], null, 0, 10, true, TestContext.Current.CancellationToken);
        var yoy = await warehouse.Engine<ObservationPager>().PageAsync(request, [new ObservationOrder(ObservationOrderField.YoyChange)], null, 0, 10, true, TestContext.Current.CancellationToken);

        // V1 reports 4, 4, 5, 5 and K1 3, 3 in 2024 and nothing in 2023: no yoyChange, so that order is area then period.
        Assert.Equal(
            [(V1, "2024Q3", 1.0), (K1, "2024Q2", 0.0), (V1, "2024Q2", 0.0), (V1, "2024Q4", 0.0), (K1, "2024Q1", null), (V1, "2024Q1", (double?)null)],
            change.Rows.Select(r => (r.AreaCode, r.Period.Value, r.Change)));
        Assert.Equal([(K1, "2024Q1"), (K1, "2024Q2"), (V1, "2024Q1"), (V1, "2024Q2"), (V1, "2024Q3"), (V1, "2024Q4")], yoy.Rows.Select(r => (r.AreaCode, r.Period.Value)));
        Assert.Equal(6, change.TotalCount);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheDatabaseSortedVillageTopNCarriesTheChangeOfItsPage(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        var pager = warehouse.Engine<ObservationPager>();
        var top = new[] { new ObservationOrder(ObservationOrderField.Value, Descending: true) };

        var income = await pager.PageAsync(Request("CE_OPERATING_INCOME", PeriodGrain.Year, "2024", "2024"), top, null, 0, 2, true, TestContext.Current.CancellationToken);
        var profit = await pager.PageAsync(Request("CE_OPERATING_PROFIT", PeriodGrain.Year, "2024", "2024"), top, null, 0, 1, false, TestContext.Current.CancellationToken);

        // V1 10 -> 12; V4 (9) has no 2023 as reported. V1's profit 10.1 -> 12.3.
        Assert.Equal([(V1, 12.0, 2.0, 2.0), (V4, 9.0, null, (double?)null)], income.Rows.Select(r => (r.AreaCode, r.Value!.Value, r.Change, r.YoyChange)));
        Assert.Equal((V1, 2.2), (profit.Rows[0].AreaCode, profit.Rows[0].YoyChange!.Value));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UnderTheCurrentStructureAMergedVillageChangesAgainstItsPredecessors(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var page = await warehouse.Engine<ObservationPager>().PageAsync(
            Request("ORG_PARTY_MEMBERS", PeriodGrain.Year, "2024", "2024") with { Structure = AreaStructure.Current },
            [new ObservationOrder(ObservationOrderField.YoyChange)], null, 0, 10, true, TestContext.Current.CancellationToken);

        // V4's 2023 is V2's 30 (V3 reported none): 35 - 30.
        Assert.Equal([(V1, -10.0), (K1, -8.0), (K2, -8.0), (V4, 5.0)], page.Rows.Select(r => (r.AreaCode, r.YoyChange!.Value)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GrowthOverSeveralYearsCarriesTheChangeBetweenItsEndPoints(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        var engine = warehouse.Engine<GrowthEngine>();

        var income = Assert.Single(await engine.QueryAsync(new GrowthRequest("CE_OPERATING_INCOME", AreaLevel.Township, T, 2021, 2024), TestContext.Current.CancellationToken));
        var coverage = Assert.Single(await engine.QueryAsync(new GrowthRequest("ORG_COMPOUND_COVERAGE", AreaLevel.Township, T, 2023, 2024), TestContext.Current.CancellationToken));
        var single = Assert.Single(await engine.QueryAsync(new GrowthRequest("CE_OPERATING_INCOME", AreaLevel.Township, T, 2024, 2024), TestContext.Current.CancellationToken));

        Assert.Equal((9.0, -26.0), (income.Trend.Change!.Value, coverage.Trend.Change!.Value));
        Assert.Null(single.Trend.Change);
    }

    [Theory]
    [InlineData(12.3, 10.1, 2.2)]
    [InlineData(0.3, 0.1, 0.2)]
    [InlineData(86.666666666666671, 62.5, 24.1666666666667)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 0, 0)]
    [InlineData(0.00003, 0.00001, 0.00003 - 0.00001)]
    public void ChangeIsTheDifferenceAtTheValuesFifteenSignificantDigits(double value, double baseValue, double expected)
    {
        Assert.Equal(expected, PeriodMath.Change(value, baseValue));
    }

    private static async Task<TestWarehouse> Scenario(WarehouseProvider provider)
    {
        var warehouse = await TestWarehouse.CreateAsync(provider);
        await ChangeScenario.LoadAsync(warehouse);
        return warehouse;
    }

    private static ObservationRequest Request(string indicator, PeriodGrain grain, string from, string to) =>
        new([indicator], AreaLevel.Village, T, grain, PeriodKey.Parse(from), PeriodKey.Parse(to));

    private static async Task<IReadOnlyList<Observation>> Query(TestWarehouse warehouse, string indicator, AreaLevel level, PeriodGrain grain, string from, string to) =>
        await warehouse.Engine<ObservationEngine>().QueryAsync(
            new ObservationRequest([indicator], level, T, grain, PeriodKey.Parse(from), PeriodKey.Parse(to)),
            TestContext.Current.CancellationToken);
}
