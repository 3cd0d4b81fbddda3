using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Security;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Warehouse.Tests.Querying;

/// <summary>The worked examples of SEMANTICS.md, number for number, on every engine.</summary>
public sealed class ObservationEngineTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task FlowsSumOverVillagesWithReportingAndExpectedUnits(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Township, PeriodGrain.Year, "2022", "2024");

        Assert.Equal(
            [(T, "2022", 15.0, 3, 3), (T, "2023", 14.0, 2, 3), (T, "2024", 21.0, 2, 2)],
            rows.Select(r => (r.AreaCode, r.Period.Value, r.Value!.Value, r.ReportingUnits, r.ExpectedUnits)));
        Assert.Equal(0.5, rows[2].YoyGrowth!.Value, 6);
        Assert.Equal(-0.066667, rows[1].YoyGrowth!.Value, 6);
        Assert.Equal(rows[1].YoyGrowth, rows[1].PeriodGrowth);
        Assert.Equal(14.0, rows[2].PreviousValue);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GrowthWithoutABaseIsNull(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Village, PeriodGrain.Year, "2024", "2024");

        Assert.Equal([(V1, 12.0, 0.2), (V4, 9.0, (double?)null)], rows.Select(r => (r.AreaCode, r.Value!.Value, r.YoyGrowth is { } g ? Math.Round(g, 6) : (double?)null)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExpectedUnitsThatDidNotReportAppearWithANullValueWhenAskedFor(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Village, PeriodGrain.Year, "2023", "2023", includeNonReporting: true);

        Assert.Equal([(V1, 10.0), (V2, 4.0), (V3, (double?)null)], rows.Select(r => (r.AreaCode, r.Value)));
        Assert.Equal([1, 1, 0], rows.Select(r => r.ReportingUnits));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task StocksTakeEachUnitsLastValueInThePeriodThenSumUnits(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var year = await Query(warehouse, "GOV_GRIDS", AreaLevel.Township, PeriodGrain.Year, "2024", "2024");
        var quarters = await Query(warehouse, "GOV_GRIDS", AreaLevel.Township, PeriodGrain.Quarter, "2024Q1", "2024Q4");

        Assert.Equal(8.0, Assert.Single(year).Value);
        Assert.Equal([("2024Q1", 7.0), ("2024Q2", 7.0), ("2024Q3", 5.0), ("2024Q4", 5.0)], quarters.Select(r => (r.Period.Value, r.Value!.Value)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MonthlyFlowsSumToTheQuarterAndTheYear(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var quarter = await Query(warehouse, "CAD_TRAINING_SESSIONS", AreaLevel.Township, PeriodGrain.Quarter, "2024Q1", "2024Q1");
        var year = await Query(warehouse, "CAD_TRAINING_SESSIONS", AreaLevel.Township, PeriodGrain.Year, "2024", "2024");
        var months = await Query(warehouse, "CAD_TRAINING_SESSIONS", AreaLevel.Township, PeriodGrain.Month, "202401", "202403");

        Assert.Equal(3.0, Assert.Single(quarter).Value);
        Assert.Equal(3.0, Assert.Single(year).Value);
        Assert.Equal([2.0, 0.0, 1.0], months.Select(r => r.Value!.Value));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AtMonthGrainPeriodGrowthComparesWithThePreviousMonthAndAZeroBaseGivesNull(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        await new Some(warehouse).Value("CAD_TRAINING_SESSIONS", T, "202302", 4).SaveAsync();

        var months = await Query(warehouse, "CAD_TRAINING_SESSIONS", AreaLevel.Township, PeriodGrain.Month, "202401", "202403");

        Assert.Equal([("202401", null, null), ("202402", -1.0, -1.0), ("202403", (double?)null, (double?)null)], months.Select(r => (r.Period.Value, r.PeriodGrowth, r.YoyGrowth)));
        Assert.Equal(0.0, months[2].PreviousValue);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SharesOverExpectedUnitsCountTownshipsThatDidNotReport(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        await new Some(warehouse).Area("361100102000", "T2镇").Value("ORG_DEMO_SITES", T, "2024", 2).SaveAsync();

        var row = Assert.Single(await warehouse.Engine<ObservationEngine>().QueryAsync(
            new ObservationRequest(["ORG_DEMO_TOWNSHIP_SHARE"], AreaLevel.Prefecture, Province, PeriodGrain.Year, PeriodKey.Parse("2024"), PeriodKey.Parse("2024")),
            TestContext.Current.CancellationToken));

        Assert.Equal((County, 50.0, 1, 2), (row.AreaCode, row.Value!.Value, row.ReportingUnits, row.ExpectedUnits));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AGrainFinerThanTheIndicatorsOwnIsRefused(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var error = await Assert.ThrowsAsync<QueryRuleException>(() => Query(warehouse, "GOV_GRIDS", AreaLevel.Township, PeriodGrain.Month, "202401", "202412"));

        Assert.Equal(QueryRuleException.GrainTooFine, error.Code);
        Assert.Contains("GOV_GRIDS", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AsReportedKeepsHistoryUnderTheCodesItWasReportedFor(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Village, PeriodGrain.Year, "2023", "2024");

        Assert.Equal([(V1, "2023", 10.0), (V1, "2024", 12.0), (V2, "2023", 4.0), (V4, "2024", 9.0)], rows.Select(r => (r.AreaCode, r.Period.Value, r.Value!.Value)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CurrentStructureMapsHistoryToTodaysAreas(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var rows = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Village, PeriodGrain.Year, "2023", "2024", AreaStructure.Current);

        Assert.Equal(
            [(V1, "2023", 10.0, 1, 1), (V1, "2024", 12.0, 1, 1), (V4, "2023", 4.0, 1, 2), (V4, "2024", 9.0, 1, 1)],
            rows.Select(r => (r.AreaCode, r.Period.Value, r.Value!.Value, r.ReportingUnits, r.ExpectedUnits)));
        Assert.Equal(1.25, rows[3].YoyGrowth!.Value, 6);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CurrentStructureFollowsAChainOfMergesToTheAreaOfToday(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        const string V5 = "361100101220";
        var merged = new DateOnly(2025, 1, 1);
        await new Some(warehouse).Area(V5, "V5村", from: merged, urbanRural: "220").Replaces(V5, V1, merged).Replaces(V5, V4, merged).SaveAsync();

        var rows = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Village, PeriodGrain.Year, "2023", "2024", AreaStructure.Current);

        // V2 went into V4 in 2024 and V4 into V5 in 2025: 2023 is V1 10 + V2 4 (V3 silent) of three villages, 2024 V1 12 + V4 9.
        Assert.Equal(
            [(V5, "2023", 14.0, 2, 3), (V5, "2024", 21.0, 2, 2)],
            rows.Select(r => (r.AreaCode, r.Period.Value, r.Value!.Value, r.ReportingUnits, r.ExpectedUnits)));
        Assert.Equal(0.5, rows[1].YoyGrowth!.Value, 6);
    }

    /// <summary>
    /// W1 of a second town merges into V4 as well: under CURRENT its 2023 history is V4's and T's, inside T and not inside
    /// its old town; a principal of the old town does not see it under V4's code.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task CurrentStructureMovesHistoryAcrossATownBoundary(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        const string T2 = "361100102000";
        const string W1 = "361100102200";
        var merged = new DateOnly(2024, 1, 1);
        await new Some(warehouse).Area(T2, "T2镇").Area(W1, "W1村", to: merged.AddDays(-1)).Replaces(V4, W1, merged)
            .Value("CE_OPERATING_INCOME", W1, "2023", 6).SaveAsync();
        var engine = warehouse.Engine<ObservationEngine>();
        async Task<List<(string, string, double, int, int)>> Rows(AreaLevel level, string within, AreaStructure structure, AccessScope? caller = null) =>
            [.. (await engine.QueryAsync(new ObservationRequest(["CE_OPERATING_INCOME"], level, within, PeriodGrain.Year, PeriodKey.Parse("2023"), PeriodKey.Parse("2024"), structure) { Caller = caller }, TestContext.Current.CancellationToken))
                .Select(r => (r.AreaCode, r.Period.Value, r.Value!.Value, r.ReportingUnits, r.ExpectedUnits))];

        Assert.Equal(
            [(V1, "2023", 10.0, 1, 1), (V1, "2024", 12.0, 1, 1), (V4, "2023", 10.0, 2, 3), (V4, "2024", 9.0, 1, 1)],
            await Rows(AreaLevel.Village, T, AreaStructure.Current));
        Assert.Empty(await Rows(AreaLevel.Village, T2, AreaStructure.Current));
        Assert.Equal([(W1, "2023", 6.0, 1, 1)], await Rows(AreaLevel.Village, T2, AreaStructure.AsReported));
        Assert.Equal([(T, "2023", 20.0, 3, 4), (T, "2024", 21.0, 2, 2)], await Rows(AreaLevel.Township, County, AreaStructure.Current));
        Assert.Equal(
            [(T, "2023", 14.0, 2, 3), (T, "2024", 21.0, 2, 2), (T2, "2023", 6.0, 1, 1)],
            await Rows(AreaLevel.Township, County, AreaStructure.AsReported));

        var ofT2 = AccessScope.Within(AccessRole.Analyst, [T2]);
        Assert.Empty(await Rows(AreaLevel.Village, County, AreaStructure.Current, ofT2));
        Assert.Equal([(W1, "2023", 6.0, 1, 1)], await Rows(AreaLevel.Village, County, AreaStructure.AsReported, ofT2));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TownTotalsAreTheSameUnderBothStructures(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var reported = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Township, PeriodGrain.Year, "2021", "2024");
        var current = await Query(warehouse, "CE_OPERATING_INCOME", AreaLevel.Township, PeriodGrain.Year, "2021", "2024", AreaStructure.Current);

        Assert.Equal([12.0, 15.0, 14.0, 21.0], reported.Select(r => r.Value!.Value));
        Assert.Equal(reported.Select(r => r.Value), current.Select(r => r.Value));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RatiosDivideSummedNumeratorsBySummedDenominators(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var row = Assert.Single(await Query(warehouse, "ORG_COMPOUND_COVERAGE", AreaLevel.Township, PeriodGrain.Quarter, "2024Q2", "2024Q2"));

        Assert.Equal(86.666667, row.Value!.Value, 6);
        Assert.Equal((13.0, 15.0), (row.Numerator!.Value, row.Denominator!.Value));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WeakVillagesCountWithTheThresholdInForceForThePeriod(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        await new Some(warehouse)
            .Threshold("WEAK_VILLAGE_THRESHOLD", 20, Some.Date("2025-01-01"), area: Province)
            .Value("CE_OPERATING_INCOME", V1, "2025", 12).Value("CE_OPERATING_INCOME", V4, "2025", 9)
            .SaveAsync();

        var weak = await Query(warehouse, "CE_WEAK_VILLAGES", AreaLevel.Township, PeriodGrain.Year, "2024", "2025");
        var share = await Query(warehouse, "CE_WEAK_SHARE", AreaLevel.Township, PeriodGrain.Year, "2024", "2024");

        Assert.Equal([("2024", 1.0), ("2025", 2.0)], weak.Select(r => (r.Period.Value, r.Value!.Value)));
        Assert.Equal(50.0, Assert.Single(share).Value!.Value, 6);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ACountyWideThresholdChangeAppliesFromItsDate(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);
        await new Some(warehouse)
            .Threshold("WEAK_VILLAGE_THRESHOLD", 13, Some.Date("2025-01-01"))
            .Value("CE_OPERATING_INCOME", V1, "2025", 12).Value("CE_OPERATING_INCOME", V4, "2025", 9)
            .SaveAsync();

        // 2024 alone and 2025 alone each have one threshold in force (10, then 13); 2024-2025 spans the change.
        var before = await Query(warehouse, "CE_WEAK_VILLAGES", AreaLevel.Township, PeriodGrain.Year, "2024", "2024");
        var after = await Query(warehouse, "CE_WEAK_VILLAGES", AreaLevel.Township, PeriodGrain.Year, "2025", "2025");
        var both = await Query(warehouse, "CE_WEAK_VILLAGES", AreaLevel.Township, PeriodGrain.Year, "2024", "2025");

        Assert.Equal([("2024", 1.0)], before.Select(r => (r.Period.Value, r.Value!.Value)));
        Assert.Equal([("2025", 2.0)], after.Select(r => (r.Period.Value, r.Value!.Value)));
        Assert.Equal([("2024", 1.0), ("2025", 2.0)], both.Select(r => (r.Period.Value, r.Value!.Value)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WeightedAveragesWeighByTheWeightIndicator(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var row = Assert.Single(await Query(warehouse, "CAD_EVAL_SCORE", AreaLevel.Township, PeriodGrain.Year, "2024", "2024"));

        Assert.Equal(83.333333, row.Value!.Value, 6);
        Assert.Equal(15.0, row.Denominator);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task UnknownCodesAreRefusedWithTheirErrorCodes(WarehouseProvider provider)
    {
        await using var warehouse = await Scenario(provider);

        var indicator = await Assert.ThrowsAsync<QueryRuleException>(() => Query(warehouse, "NO_SUCH", AreaLevel.Township, PeriodGrain.Year, "2024", "2024"));
        var area = await Assert.ThrowsAsync<QueryRuleException>(() => warehouse.Engine<ObservationEngine>().QueryAsync(
            new ObservationRequest(["CE_OPERATING_INCOME"], AreaLevel.Village, "361100999000", PeriodGrain.Year, PeriodKey.Parse("2024"), PeriodKey.Parse("2024")), TestContext.Current.CancellationToken));

        Assert.Equal((QueryRuleException.UnknownIndicator, QueryRuleException.UnknownArea), (indicator.Code, area.Code));
    }

    internal static async Task<TestWarehouse> Scenario(WarehouseProvider provider)
    {
        var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        return warehouse;
    }

    private static async Task<IReadOnlyList<Observation>> Query(
        TestWarehouse warehouse, string indicator, AreaLevel level, PeriodGrain grain, string from, string to, AreaStructure structure = AreaStructure.AsReported, bool includeNonReporting = false) =>
        await warehouse.Engine<ObservationEngine>().QueryAsync(
            new ObservationRequest([indicator], level, T, grain, PeriodKey.Parse(from), PeriodKey.Parse(to), structure, includeNonReporting),
            TestContext.Current.CancellationToken);
}
