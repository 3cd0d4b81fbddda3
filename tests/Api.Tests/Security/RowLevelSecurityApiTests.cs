using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Security;

/// <summary>The API running as the non-owner PostgreSQL role (row-level security in force) answers each key with exactly its own rows.</summary>
public sealed class RowLevelSecurityApiTests
{
    private const string Query = """
        {
          areas(first: 100) { nodes { code } }
          villageRows: observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "2024", to: "2024") { nodes { areaCode value } }
          countyRows: observations(indicators: ["CE_OPERATING_INCOME"], level: COUNTY, from: "2023", to: "2024") { nodes { areaCode period { key } value } }
        }
        """;

    [Fact]
    public async Task ATownshipKeyGetsItsOwnTotalsAndACountyAdminGetsEverything()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, township) = await store.CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        var (_, county) = await store.CreateAsync("county", AccessRole.Admin, [County], cancellationToken: Ct);
        await using var role = await TestApiRole.CreateAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?>(role.Configuration) { ["Auth:AllowAnonymous"] = "false" });
        using var client = api.CreateClient();

        var own = await PostAsync(client, township, Query);
        var all = await PostAsync(client, county, Query.Replace("areas(first: 100)", "loadBatches { totalCount } areas(first: 100)", StringComparison.Ordinal));

        Assert.Equal(Sorted(A, B, T1), Codes(own["areas"]!["nodes"]!, "code"));
        Assert.Equal([(A, 12.0), (B, 25.0)], Rows(own["villageRows"]!));
        Assert.Equal([("2023", Sum(2023, A, B)), ("2024", Sum(2024, A, B))], Totals(own["countyRows"]!));
        Assert.Equal(Sorted(County, A, B, C, T1, T2), Codes(all["areas"]!["nodes"]!, "code"));
        Assert.Equal([(A, 12.0), (B, 25.0), (C, 130.0)], Rows(all["villageRows"]!));
        Assert.Equal([("2023", Sum(2023, A, B, C)), ("2024", Sum(2024, A, B, C))], Totals(all["countyRows"]!));
        Assert.Equal(1, (int)all["loadBatches"]!["totalCount"]!); // the one batch TwoTownships loads
    }

    [Fact]
    public async Task EveryFieldOfTheScopeMatrixAnswersTheSameAsTheRoleAsItDoesAsTheOwner()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, township) = await store.CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        var (_, county) = await store.CreateAsync("county", AccessRole.Admin, [County], cancellationToken: Ct);
        await using var role = await TestApiRole.CreateAsync(warehouse);
        var answers = new List<string>();
        foreach (var settings in new[] { new Dictionary<string, string?>(), new Dictionary<string, string?>(role.Configuration) })
        {
            settings["Auth:AllowAnonymous"] = "false";
            await using var api = new GovernanceApiFactory(warehouse, settings);
            using var client = api.CreateClient();
            answers.Add(Canonical(await PostAsync(client, township, ScopeMatrixTests.Everything)));
            answers.Add(Canonical(await PostAsync(client, county, ScopeMatrixTests.Everything)));
        }

        Assert.Equal(answers[0], answers[2]);
        Assert.Equal(answers[1], answers[3]);
        Assert.Contains("361100102200", answers[3], StringComparison.Ordinal); // the county admin sees T2's village C
        Assert.DoesNotContain("361100102", answers[2], StringComparison.Ordinal);
    }

    /// <summary>The answer as text with every list sorted: lists without an order may come back in another order under another plan.</summary>
    private static string Canonical(JsonNode? node) => node switch
    {
        JsonArray array => "[" + string.Join(",", array.Select(Canonical).Order(StringComparer.Ordinal)) + "]",
        JsonObject obj => "{" + string.Join(",", obj.Select(p => $"\"{p.Key}\":{Canonical(p.Value)}")) + "}",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static string[] Sorted(params string[] codes) => [.. codes.Order(StringComparer.Ordinal)];

    private static double Sum(int year, params string[] villages) => (double)villages.Sum(v => Incomes[(v, year)]);

    private static string[] Codes(JsonNode nodes, string field) => [.. nodes.AsArray().Select(n => (string)n![field]!).Order(StringComparer.Ordinal)];

    private static (string, double)[] Rows(JsonNode rows) =>
        [.. rows["nodes"]!.AsArray().Select(n => ((string)n!["areaCode"]!, (double)n["value"]!)).OrderBy(r => r.Item1, StringComparer.Ordinal)];

    private static (string, double)[] Totals(JsonNode rows) =>
        [.. rows["nodes"]!.AsArray().Select(n => ((string)n!["period"]!["key"]!, (double)n["value"]!)).OrderBy(r => r.Item1, StringComparer.Ordinal)];

    private static async Task<JsonNode> PostAsync(HttpClient client, string key, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var body = JsonNode.Parse(text)!;
        Assert.Null(body["errors"]);
        return body["data"]!;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
