using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>change and yoyChange over HTTP, on the change examples of SEMANTICS.md.</summary>
public sealed class ObservationChangeApiTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SelectingChangeAloneReadsTheYearBeforeAndAnswersPoints(WarehouseProvider provider)
    {
        await using var api = await CreateAsync(provider);

        var income = await QueryAsync(api, $$"""
            { observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "{{T}}", from: "2022", to: "2024") { nodes { change } } }
            """);
        var coverage = await QueryAsync(api, $$"""
            { observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: TOWNSHIP, within: "{{T}}", from: "2024", to: "2024") { nodes { value yoyChange yoyGrowth } } }
            """);

        // T's income 12, 15, 14, 21 in 2021-2024; coverage 90% in 2023, 64% in 2024: 26 points down, growth -26 / 90.
        Assert.Equal([3.0, -1.0, 7.0], Nodes(income).Select(n => n!["change"]!.GetValue<double>()));
        var row = Nodes(coverage).Single()!;
        Assert.Equal((64.0, -26.0), (row["value"]!.GetValue<double>(), row["yoyChange"]!.GetValue<double>()));
        Assert.Equal(-0.288889, row["yoyGrowth"]!.GetValue<double>(), 6);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OrderByYoyChangeAscendingGivesTheLargestDropInPartyMembersAndCursorsPageOn(WarehouseProvider provider)
    {
        await using var api = await CreateAsync(provider);
        const string Query = $$"""
            query($after: String) { observations(indicators: ["ORG_PARTY_MEMBERS"], level: VILLAGE, within: "{{T}}", from: "2024", to: "2024",
                orderBy: [{ field: YOY_CHANGE, direction: ASC }], first: 2, after: $after) {
                totalCount nodes { areaCode value yoyChange } pageInfo { hasNextPage endCursor } } }
            """;

        var first = await QueryAsync(api, Query);
        var next = await QueryAsync(api, Query, new { after = first["observations"]!["pageInfo"]!["endCursor"]!.GetValue<string>() });

        // 2023 to 2024: V1 50 -> 40, K1 40 -> 32, K2 20 -> 12; V4 has no 2023 as reported and comes last.
        Assert.Equal(4, first["observations"]!["totalCount"]!.GetValue<int>());
        Assert.Equal([(V1, -10.0), (K1, -8.0)], Nodes(first).Select(n => (n!["areaCode"]!.GetValue<string>(), n["yoyChange"]!.GetValue<double>())));
        Assert.True(first["observations"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.Equal([(K2, (double?)-8.0), (V4, null)], Nodes(next).Select(n => (n!["areaCode"]!.GetValue<string>(), n["yoyChange"]?.GetValue<double>())));
        Assert.False(next["observations"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task OrderByChangeDescendingSortsWithoutSelectingIt()
    {
        await using var api = await CreateAsync(WarehouseProvider.Sqlite);

        var data = await QueryAsync(api, $$"""
            { observations(indicators: ["GOV_GRIDS"], level: VILLAGE, within: "{{T}}", grain: QUARTER, from: "2024Q1", to: "2024Q4",
                orderBy: [{ field: CHANGE, direction: DESC }], first: 3) { nodes { areaCode period { key } } } }
            """);

        // V1 4, 4, 5, 5 and K1 3, 3: V1's Q3 (+1) first, then the zero changes by area code and period.
        Assert.Equal([(V1, "2024Q3"), (K1, "2024Q2"), (V1, "2024Q2")], Nodes(data).Select(n => (n!["areaCode"]!.GetValue<string>(), n["period"]!["key"]!.GetValue<string>())));
    }

    [Fact]
    public async Task GrowthAnswersTheChangeBetweenItsEndPoints()
    {
        await using var api = await CreateAsync(WarehouseProvider.Sqlite);

        var data = await QueryAsync(api, $$"""
            { growth(indicator: "CE_OPERATING_INCOME", level: TOWNSHIP, within: "{{T}}", from: 2021, to: 2024) { change cagr } }
            """);

        Assert.Equal(9.0, data["growth"]![0]!["change"]!.GetValue<double>());
    }

    private static async Task<ScenarioApi> CreateAsync(WarehouseProvider provider)
    {
        var warehouse = await TestWarehouse.CreateAsync(provider);
        await ChangeScenario.LoadAsync(warehouse);
        return new ScenarioApi(warehouse);
    }

    private static JsonArray Nodes(JsonNode data) => data["observations"]!["nodes"]!.AsArray();

    private static async Task<JsonNode> QueryAsync(ScenarioApi api, string query, object? variables = null)
    {
        var answer = await api.Factory.CreateClient().PostQueryAsync(query, variables);
        Assert.Null(answer["errors"]);
        return answer["data"]!;
    }
}
