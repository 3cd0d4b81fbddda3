using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Statistics;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Warehouse.Tests.Querying;

public sealed class GrowthAndAttainmentTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GrowthOfTheTownMatchesTheWorkedExample(WarehouseProvider provider)
    {
        await using var warehouse = await ObservationEngineTests.Scenario(provider);

        var growth = Assert.Single(await warehouse.Engine<GrowthEngine>().QueryAsync(new GrowthRequest("CE_OPERATING_INCOME", AreaLevel.Township, T, 2021, 2024), TestContext.Current.CancellationToken));

        Assert.Equal([(2021, 12.0), (2022, 15.0), (2023, 14.0), (2024, 21.0)], growth.Trend.Points);
        Assert.Equal(0.205071, growth.Trend.Cagr!.Value, 6);
        Assert.Equal(0.174668, growth.Trend.TrendGrowth!.Value, 6);
        Assert.Equal(0.774661, growth.Trend.RSquared!.Value, 6);
        Assert.Equal(2027, growth.Trend.ProjectedYear(30));
    }

    [Fact]
    public void AFallingTrendBelowTheTargetNeverReachesIt()
    {
        var trend = new GrowthTrend([(2021, 20.0), (2022, 18.0), (2023, 15.0)]);

        Assert.Null(trend.ProjectedYear(30));
        Assert.Equal(2025, trend.ProjectedYear(12, lowerIsBetter: true));
    }

    [Fact]
    public void AConstantSeriesHasNoRSquaredAndNeverReachesAHigherTarget()
    {
        // A village without income in every year: r² is 0/0, which JSON cannot carry; the growth answer was a 500.
        var none = new GrowthTrend([(2019, 0.0), (2020, 0.0), (2021, 0.0)]);
        var flat = new GrowthTrend([(2019, 5.0), (2020, 5.0), (2021, 5.0)]);

        Assert.Equal((null, null, 0.0, null, null), (none.Cagr, none.TrendGrowth, none.Change, none.RSquared, none.ProjectedYear(100)));
        Assert.Equal((0.0, 0.0, null, null), (flat.Cagr, flat.Change, flat.RSquared, flat.ProjectedYear(100)));
        Assert.Equal(0, flat.TrendGrowth!.Value, 12);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AttainmentComparesTargetsWithActualsInTheIndicatorsDirection(WarehouseProvider provider)
    {
        await using var warehouse = await ObservationEngineTests.Scenario(provider);
        await new Some(warehouse)
            .Target("CE_OPERATING_INCOME", T, "2024", 30)
            .Target("CE_WEAK_VILLAGES", T, "2024", 0)
            .Target("ORG_DEMO_SITES", T, "2024", 1).Value("ORG_DEMO_SITES", T, "2024", 2)
            .Target("CE_WEAK_VILLAGES", T, "2025", 0)
            .SaveAsync();
        var engine = warehouse.Engine<AttainmentEngine>();
        var token = TestContext.Current.CancellationToken;

        var income = Assert.Single(await engine.QueryAsync(new AttainmentRequest("CE_OPERATING_INCOME", PeriodKey.Parse("2024"), AreaLevel.Township, County), token));
        var weak = Assert.Single(await engine.QueryAsync(new AttainmentRequest("CE_WEAK_VILLAGES", PeriodKey.Parse("2024"), AreaLevel.Township, County), token));
        var demo = Assert.Single(await engine.QueryAsync(new AttainmentRequest("ORG_DEMO_SITES", PeriodKey.Parse("2024"), AreaLevel.Township, County), token));

        Assert.Equal((30.0, 21.0, false, 9.0, 2027), (income.Target, income.Actual!.Value, income.Met!.Value, income.Gap!.Value, income.ProjectedYear!.Value));
        Assert.Equal((0.0, 1.0, false, 1.0, true), (weak.Target, weak.Actual!.Value, weak.Met!.Value, weak.Gap!.Value, weak.LowerIsBetter));
        Assert.Equal((true, -1.0, 2024), (demo.Met!.Value, demo.Gap!.Value, demo.ProjectedYear!.Value));

        // A target ahead of the data: the latest actual (2024: 1 weak village), and the straight-line trend of 3, 3, 1, 1
        // (2021-2024; slope -0.8) reaches 0 in 2025, so the township is on schedule.
        var ahead = Assert.Single(await engine.QueryAsync(new AttainmentRequest("CE_WEAK_VILLAGES", PeriodKey.Parse("2025"), AreaLevel.Township, County), token));
        Assert.Equal(("2024", 1.0, false, 2025, true), (ahead.ActualPeriod!.Value.Value, ahead.Actual!.Value, ahead.Met!.Value, ahead.ProjectedYear!.Value, ahead.OnSchedule));
    }

    [Theory]
    [InlineData(RelativePeriod.ThisYear, "2026", "2026")]
    [InlineData(RelativePeriod.LastYear, "2025", "2025")]
    [InlineData(RelativePeriod.Last3Years, "2023", "2025")]
    [InlineData(RelativePeriod.Last5Years, "2021", "2025")]
    [InlineData(RelativePeriod.Last4Quarters, "2025Q3", "2026Q2")]
    [InlineData(RelativePeriod.Last12Months, "202508", "202607")]
    public void RelativePeriodsCountBackFromTodayExcludingTheCurrentPeriod(RelativePeriod relative, string from, string to)
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 8, 15, 12, 0, 0, TimeSpan.Zero));

        var (start, end) = RelativePeriods.Resolve(relative, clock);

        Assert.Equal((from, to), (start.Value, end.Value));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
