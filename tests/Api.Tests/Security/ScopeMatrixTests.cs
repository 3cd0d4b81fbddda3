using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Security;

/// <summary>A township principal never sees another township's rows through any field, and its totals are the sum of its own areas.</summary>
public sealed class ScopeMatrixTests
{
    internal const string Everything = """
        {
          areas(first: 100) { totalCount nodes { code name } }
          villages: areas(level: VILLAGE, first: 100) { nodes { code } }
          county: area(code: "361100000000") { code children { code children { code } } }
          t1: area(code: "361100101000") { code parent { code } children { code series(indicator: "CE_OPERATING_INCOME", from: "2023", to: "2024") { period value } } }
          t2: area(code: "361100102000") { code }
          c: area(code: "361100102200") { code }
          villageRows: observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2024", to: "2024") { totalCount nodes { areaCode value } }
          townshipRows: observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024", to: "2024") { nodes { areaCode value } }
          countyRows: observations(indicators: ["CE_OPERATING_INCOME"], level: COUNTY, from: "2023", to: "2024") { nodes { areaCode period { key } value reportingUnits expectedUnits } }
          distribution(indicator: "CE_OPERATING_INCOME", period: "2024", within: "361100000000") { count max mean }
          growth(indicator: "CE_OPERATING_INCOME", level: VILLAGE, from: 2023, to: 2024) { areaCode cagr }
          attainment(indicator: "CE_OPERATING_INCOME", period: "2024", level: VILLAGE) { areaCode target actual }
        }
        """;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ATownshipKeySeesOnlyItsOwnAreasThroughEveryField(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        var (_, key) = await new ApiKeyStore(warehouse.Factory, TimeProvider.System).CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        await using var api = new GovernanceApiFactory(warehouse, Production);
        using var client = api.CreateClient();

        var (status, text) = await PostAsync(client, Everything, key);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("361100102", text, StringComparison.Ordinal);
        Assert.DoesNotContain("二镇", text, StringComparison.Ordinal);
        var data = JsonNode.Parse(text)!["data"]!;
        Assert.Null(JsonNode.Parse(text)!["errors"]);
        Assert.Equal([T1, A, B], data["areas"]!["nodes"]!.AsArray().Select(n => (string)n!["code"]!));
        Assert.Null(data["county"]);
        Assert.Null(data["t2"]);
        Assert.Null(data["c"]);
        Assert.Null(data["t1"]!["parent"]); // the county lies outside a township scope: it answers as if it did not exist
        Assert.Equal([A, B], data["t1"]!["children"]!.AsArray().Select(n => (string)n!["code"]!));
        Assert.Equal([12.0, 25.0], data["villageRows"]!["nodes"]!.AsArray().OrderBy(n => (string)n!["areaCode"]!, StringComparer.Ordinal).Select(n => (double)n!["value"]!));
        Assert.Equal([(T1, 37.0)], data["townshipRows"]!["nodes"]!.AsArray().Select(n => ((string)n!["areaCode"]!, (double)n["value"]!)));
        var own = (double)(Incomes[(A, 2023)] + Incomes[(B, 2023)]);
        Assert.Equal(
            [("2023", own, 2, 2), ("2024", 37.0, 2, 2)],
            data["countyRows"]!["nodes"]!.AsArray().Select(n => ((string)n!["period"]!["key"]!, (double)n["value"]!, (int)n["reportingUnits"]!, (int)n["expectedUnits"]!)));
        Assert.Equal((2, 25.0, 18.5), ((int)data["distribution"]!["count"]!, (double)data["distribution"]!["max"]!, (double)data["distribution"]!["mean"]!));
        Assert.Equal([A, B], data["growth"]!.AsArray().Select(n => (string)n!["areaCode"]!).Order(StringComparer.Ordinal));
        Assert.Equal([A, B], data["attainment"]!.AsArray().Select(n => (string)n!["areaCode"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnotherTownshipsAreaAsWithinIsUnknownAndViewersAndOperatorsAreRefused403()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(warehouse);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, analyst) = await store.CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        var (_, viewer) = await store.CreateAsync("viewer", AccessRole.Viewer, [County], cancellationToken: Ct);
        var (_, countyOperator) = await store.CreateAsync("ops", AccessRole.Operator, [County], cancellationToken: Ct);
        var (_, townshipOperator) = await store.CreateAsync("t1-ops", AccessRole.Operator, [T1], cancellationToken: Ct);
        await using var api = new GovernanceApiFactory(warehouse, Production);
        using var client = api.CreateClient();

        var (_, within) = await PostAsync(client, """{ areas(within: "361100102000") { totalCount } }""", analyst);
        var (villageStatus, _) = await PostAsync(client, """{ observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2024", to: "2024") { totalCount } }""", viewer);
        var (townshipStatus, _) = await PostAsync(client, """{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024", to: "2024") { totalCount } }""", viewer);
        var (batchesStatus, _) = await PostAsync(client, "{ loadBatches { totalCount } }", analyst);
        var (operatorValues, _) = await PostAsync(client, """{ observations(indicators: ["CE_OPERATING_INCOME"], level: COUNTY, from: "2024", to: "2024") { totalCount } }""", countyOperator);
        var (_, countyBatches) = await PostAsync(client, "{ loadBatches { totalCount } }", countyOperator);
        var (_, townshipBatches) = await PostAsync(client, "{ loadBatches { totalCount } }", townshipOperator);

        Assert.Equal("UNKNOWN_AREA", (string?)JsonNode.Parse(within)!["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(HttpStatusCode.Forbidden, villageStatus);
        Assert.Equal(HttpStatusCode.OK, townshipStatus);
        Assert.Equal(HttpStatusCode.Forbidden, batchesStatus);
        Assert.Equal(HttpStatusCode.Forbidden, operatorValues);
        Assert.Equal(1, (int)JsonNode.Parse(countyBatches)!["data"]!["loadBatches"]!["totalCount"]!);
        Assert.Equal(0, (int)JsonNode.Parse(townshipBatches)!["data"]!["loadBatches"]!["totalCount"]!);
    }

    private static readonly Dictionary<string, string?> Production = new() { ["Auth:AllowAnonymous"] = "false" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, string Text)> PostAsync(HttpClient client, string query, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
