using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using static Governance.TestSupport.SemanticsScenario;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>The observations field computes only the parts its caller selects, and the answers do not depend on the selection.</summary>
public sealed class ObservationPartsTests
{
    private const string Arguments = $$"""indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "{{T}}", from: "2022", to: "2024" """;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ValuesAloneCostOneGroupedQueryAndEqualTheFullAnswer(WarehouseProvider provider)
    {
        await using var api = await ScenarioApi.CreateAsync(provider);
        using var client = api.Factory.CreateClient();
        await client.DataAsync("{ indicators { code } }");
        using var counter = new SqlCounter(api.Warehouse);

        var lean = await ObservationsAsync(client, $$"""{ observations({{Arguments}}) { nodes { value } } }""");
        var leanCommands = counter.Commands.Count;
        counter.Reset();
        var full = await ObservationsAsync(client, $$"""{ observations({{Arguments}}) { nodes { value area { name } reportingUnits expectedUnits yoyGrowth } } }""");

        // The work bound's count of areas (Api:Limits:MaxCells), the catalogue, the 'within' lookup, the roll-ups' state
        // (RollupSnapshot, once per request) and the grouped totals; the full selection adds the expected units and the
        // page's areas, and counts no areas: the lean request's count is kept for the warehouse version (UnitCounts).
        Assert.Equal((5, 6), (leanCommands, counter.Commands.Count));
        Assert.Equal([15.0, 14.0, 21.0], Values(lean, "value"));
        Assert.Equal([15.0, 14.0, 21.0], Values(full, "value"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PartsSelectedThroughFragmentsAreComputed(WarehouseProvider provider)
    {
        await using var api = await ScenarioApi.CreateAsync(provider);
        using var client = api.Factory.CreateClient();

        var data = await ObservationsAsync(client, $$"""
            query { observations({{Arguments}}) { ...Page } }
            fragment Page on ObservationConnection { nodes { ... on Observation { ...Growth } area { name } } }
            fragment Growth on Observation { reportingUnits expectedUnits previousValue yoyGrowth }
            """);

        // SEMANTICS.md: T's villages report 15 (3 of 3), 14 (2 of 3) and 21 (2 of 2) in 2022-2024; 2024 grows 50% on 2023's 14.
        Assert.Equal([3.0, 2.0, 2.0], Values(data, "reportingUnits"));
        Assert.Equal([3.0, 3.0, 2.0], Values(data, "expectedUnits"));
        Assert.Equal([15.0, 14.0], Values(data, "previousValue").Skip(1));
        Assert.Equal(0.5, data["observations"]!["nodes"]![2]!["yoyGrowth"]!.GetValue<double>(), 6);
        Assert.Equal("T镇", data["observations"]!["nodes"]![2]!["area"]!["name"]!.GetValue<string>());
    }

    private static IEnumerable<double> Values(JsonNode data, string field) =>
        data["observations"]!["nodes"]!.AsArray().Select(n => n![field]?.GetValue<double>() ?? double.NaN);

    private static async Task<JsonNode> ObservationsAsync(HttpClient client, string query)
    {
        var answer = await client.PostQueryAsync(query);
        Assert.Null(answer["errors"]);
        return answer["data"]!;
    }

}
