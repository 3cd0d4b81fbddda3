using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.Extensions.DependencyInjection;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>The analytics fields over HTTP, on the SEMANTICS.md scenario.</summary>
public sealed class AnalyticsQueriesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ObservationsAnswerTheTownsIncomeWithCompletenessAndGrowth(WarehouseProvider provider)
    {
        await using var api = await ScenarioApi.CreateAsync(provider);

        var data = await QueryAsync(api, $$"""
            { observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "{{T}}", from: "2022", to: "2024") {
                totalCount nodes { areaCode area { name } period { key grain label } value reportingUnits expectedUnits yoyGrowth } } }
            """);

        var nodes = data["observations"]!["nodes"]!.AsArray();
        Assert.Equal(3, data["observations"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([15.0, 14.0, 21.0], nodes.Select(n => n!["value"]!.GetValue<double>()));
        Assert.Equal([3, 2, 2], nodes.Select(n => n!["reportingUnits"]!.GetValue<int>()));
        Assert.Equal([3, 3, 2], nodes.Select(n => n!["expectedUnits"]!.GetValue<int>()));
        Assert.Equal(0.5, nodes[2]!["yoyGrowth"]!.GetValue<double>(), 6);
        Assert.Equal(("T镇", "2024年", "YEAR"), (nodes[2]!["area"]!["name"]!.GetValue<string>(), nodes[2]!["period"]!["label"]!.GetValue<string>(), nodes[2]!["period"]!["grain"]!.GetValue<string>()));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RatioRowsCarryTheirNumeratorAndDenominator(WarehouseProvider provider)
    {
        await using var api = await ScenarioApi.CreateAsync(provider);

        var data = await QueryAsync(api, $$"""
            { observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: TOWNSHIP, within: "{{T}}", grain: QUARTER, from: "2024Q2", to: "2024Q2") {
                nodes { value numerator denominator } } }
            """);

        var row = data["observations"]!["nodes"]![0]!;
        Assert.Equal((86.666667, 13.0, 15.0), (Math.Round(row["value"]!.GetValue<double>(), 6), row["numerator"]!.GetValue<double>(), row["denominator"]!.GetValue<double>()));
    }

    [Fact]
    public async Task CurrentStructureAndNonReportingRowsAreOneQueryEach()
    {
        await using var api = await ScenarioApi.CreateAsync(WarehouseProvider.Sqlite);

        var current = await QueryAsync(api, $$"""
            { observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, within: "{{T}}", from: "2024", to: "2024", structure: CURRENT) { nodes { areaCode value yoyGrowth } } }
            """);
        var missing = await QueryAsync(api, $$"""
            { observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, within: "{{T}}", from: "2023", to: "2023", includeNonReporting: true, where: { maxValue: 100 }) { nodes { areaCode value } } }
            """);
        var all = await QueryAsync(api, $$"""
            { observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, within: "{{T}}", from: "2023", to: "2023", includeNonReporting: true) { nodes { areaCode value } } }
            """);

        Assert.Equal(1.25, current["observations"]!["nodes"]![1]!["yoyGrowth"]!.GetValue<double>(), 6);
        Assert.Equal([V1, V2], missing["observations"]!["nodes"]!.AsArray().Select(n => n!["areaCode"]!.GetValue<string>()));
        Assert.Null(all["observations"]!["nodes"]![2]!["value"]);
        Assert.Equal(V3, all["observations"]!["nodes"]![2]!["areaCode"]!.GetValue<string>());
    }

    [Fact]
    public async Task OrderByValueWithFirstGivesTheTopNAndCursorsPageOn()
    {
        await using var api = await ScenarioApi.CreateAsync(WarehouseProvider.Sqlite);
        const string Query = """
            query($after: String) { observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2022", to: "2022",
                orderBy: [{ field: VALUE, direction: DESC }], first: 2, after: $after) {
                totalCount nodes { areaCode value } pageInfo { hasNextPage endCursor } } }
            """;

        var first = await QueryAsync(api, Query);
        var next = await QueryAsync(api, Query, new { after = first["observations"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });

        Assert.Equal(3, first["observations"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([8.0, 4.0], first["observations"]!["nodes"]!.AsArray().Select(n => n!["value"]!.GetValue<double>()));
        Assert.True(first["observations"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal([3.0], next["observations"]!["nodes"]!.AsArray().Select(n => n!["value"]!.GetValue<double>()));
    }

    [Theory]
    [InlineData("""{ observations(indicators: ["GOV_GRIDS"], level: TOWNSHIP, grain: MONTH, from: "202401", to: "202412") { totalCount } }""", "GRAIN_TOO_FINE")]
    [InlineData("""{ observations(indicators: ["NOPE"], level: TOWNSHIP, from: "2024", to: "2024") { totalCount } }""", "UNKNOWN_INDICATOR")]
    [InlineData("""{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "369999999000", from: "2024", to: "2024") { totalCount } }""", "UNKNOWN_AREA")]
    [InlineData("""{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024-13", to: "2024") { totalCount } }""", "BAD_PERIOD")]
    [InlineData("""{ distribution(indicator: "CE_OPERATING_INCOME", period: "2024Q1") { count } }""", "GRAIN_TOO_FINE")]
    public async Task BadRequestsAnswerAnErrorWithItsCode(string query, string code)
    {
        await using var api = await ScenarioApi.CreateAsync(WarehouseProvider.Sqlite);

        var answer = await api.Factory.CreateClient().PostQueryAsync(query);

        var error = answer["errors"]![0]!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.DoesNotContain("   at ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GrowthDistributionAndAttainmentAnswerTheWorkedExamples(WarehouseProvider provider)
    {
        await using var api = await ScenarioApi.CreateAsync(provider);
        await new Some(api.Warehouse).Target("CE_WEAK_VILLAGES", T, "2024", 0).SaveAsync();

        var data = await QueryAsync(api, $$"""
            { growth(indicator: "CE_OPERATING_INCOME", level: TOWNSHIP, within: "{{T}}", from: 2021, to: 2024) { cagr trendGrowth rSquared projectedYear(target: 30) points { year value } }
              distribution(indicator: "CE_OPERATING_INCOME", period: "2022", within: "{{T}}", bands: [5]) { count median bands { label count } }
              attainment(indicator: "CE_WEAK_VILLAGES", period: "2024", level: TOWNSHIP, within: "{{County}}") { areaCode target actual met gap lowerIsBetter } }
            """);

        var growth = data["growth"]![0]!;
        Assert.Equal((0.205071, 0.174668, 0.774661, 2027), (Math.Round(growth["cagr"]!.GetValue<double>(), 6), Math.Round(growth["trendGrowth"]!.GetValue<double>(), 6), Math.Round(growth["rSquared"]!.GetValue<double>(), 6), growth["projectedYear"]!.GetValue<int>()));
        Assert.Equal(4, growth["points"]!.AsArray().Count);
        var distribution = data["distribution"]!;
        Assert.Equal((3, 4.0), (distribution["count"]!.GetValue<int>(), distribution["median"]!.GetValue<double>()));
        Assert.Equal([2, 1], distribution["bands"]!.AsArray().Select(b => b!["count"]!.GetValue<int>()));
        var attainment = data["attainment"]![0]!;
        Assert.Equal((T, 1.0, false, 1.0, true), (attainment["areaCode"]!.GetValue<string>(), attainment["actual"]!.GetValue<double>(), attainment["met"]!.GetValue<bool>(), attainment["gap"]!.GetValue<double>(), attainment["lowerIsBetter"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task RelativePeriodsCountFromTheInjectedClock()
    {
        await using var api = await ScenarioApi.CreateAsync(WarehouseProvider.Sqlite);
        var clock = new FixedClock(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero));
        using var clocked = api.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));

        var answer = await clocked.CreateClient().PostQueryAsync($$"""
            { observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "{{T}}", relative: LAST_3_YEARS) { nodes { period { key } value } } }
            """);

        Assert.Equal(["2022", "2023", "2024"], answer["data"]!["observations"]!["nodes"]!.AsArray().Select(n => n!["period"]!["key"]!.GetValue<string>()));
    }


    private static async Task<JsonNode> QueryAsync(ScenarioApi api, string query, object? variables = null)
    {
        var answer = await api.Factory.CreateClient().PostQueryAsync(query, variables);
        Assert.Null(answer["errors"]);
        return answer["data"]!;
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
