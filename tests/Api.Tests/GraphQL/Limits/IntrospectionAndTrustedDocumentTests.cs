using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;

namespace Governance.Api.Tests.GraphQL.Limits;

/// <summary>Introspection by role in Production, and keys restricted to trusted documents (registered by the SHA-256 of their text).</summary>
public sealed class IntrospectionAndTrustedDocumentTests
{
    private const string Introspection = "{ __schema { queryType { name } } }";
    private const string Dashboard = "{ indicators { code } }";
    private const string Area = "361100000000";

    [Theory]
    [InlineData(null, "viewer", HttpStatusCode.Forbidden)]
    [InlineData(null, "analyst", HttpStatusCode.OK)]
    [InlineData("admin", "analyst", HttpStatusCode.Forbidden)]
    [InlineData("admin", "admin", HttpStatusCode.OK)]
    public async Task ProductionIntrospectionFollowsTheRolesSetting(string? roles, string role, HttpStatusCode status)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var secret = await KeyAsync(warehouse, Enum.Parse<AccessRole>(role, ignoreCase: true));
        var settings = new Dictionary<string, string?> { ["environment"] = "Production", ["Auth:AllowAnonymous"] = "false" };
        if (roles is not null)
        {
            settings["Api:Limits:IntrospectionRoles"] = roles;
        }

        await using var api = new GovernanceApiFactory(warehouse, settings);
        using var client = api.CreateClient();

        var (answerStatus, body) = await PostAsync(client, Introspection, secret);

        Assert.Equal(status, answerStatus);
        if (status == HttpStatusCode.OK)
        {
            Assert.Equal("Query", (string?)body["data"]!["__schema"]!["queryType"]!["name"]);
        }
        else
        {
            Assert.Null(body["data"]);
            Assert.Equal("INTROSPECTION_DISABLED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task ARestrictedKeyRunsOnlyTheRegisteredDocuments()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("governance-trusted-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "dashboard.graphql"), Dashboard, TestContext.Current.CancellationToken);
            var restricted = await KeyAsync(warehouse, AccessRole.Analyst, trustedDocumentsOnly: true);
            var open = await KeyAsync(warehouse, AccessRole.Analyst);
            await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?>
            {
                ["Auth:AllowAnonymous"] = "false",
                ["Api:Limits:TrustedDocumentsPath"] = folder.FullName,
            });
            using var client = api.CreateClient();

            var registered = await PostAsync(client, Dashboard, restricted);
            var other = await PostAsync(client, "{ indicators { code name } }", restricted);
            var unrestricted = await PostAsync(client, "{ indicators { code name } }", open);

            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.OK), (registered.Status, other.Status, unrestricted.Status));
            Assert.Equal(Governance.Warehouse.Catalogue.IndicatorCatalogue.Indicators.Count, registered.Body["data"]!["indicators"]!.AsArray().Count);
            Assert.Equal("UNTRUSTED_DOCUMENT", (string?)other.Body["errors"]![0]!["extensions"]!["code"]);
            Assert.Null(other.Body["data"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<string> KeyAsync(TestWarehouse warehouse, AccessRole role, bool trustedDocumentsOnly = false) =>
        (await new ApiKeyStore(warehouse.Factory, TimeProvider.System).CreateAsync($"{role}-key", role, [Area], trustedDocumentsOnly, TestContext.Current.CancellationToken)).Secret;

    private static async Task<(HttpStatusCode Status, JsonNode Body)> PostAsync(HttpClient client, string query, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }
}
