using System.Net;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using Microsoft.AspNetCore.Hosting;

namespace Governance.Api.Tests.Security;

/// <summary>In Production the SDL at <c>/graphql/schema.graphql</c> follows the introspection rule (analyst, operator, admin); the IDE page alone is public.</summary>
public sealed class SchemaAccessTests
{
    private static readonly string Approved = Repository.PathOf("tests", "Api.Tests", "Schema", "schema.approved.graphql");

    [Fact]
    public async Task TheSchemaIsRefusedWithoutCredentialsAndToAViewerAndServedToAnAnalystWhileTheIdePageStaysPublic()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, viewer) = await store.CreateAsync("viewer", AccessRole.Viewer, ["110101000000"], cancellationToken: TestContext.Current.CancellationToken);
        var (_, analyst) = await store.CreateAsync("analyst", AccessRole.Analyst, ["110101000000"], cancellationToken: TestContext.Current.CancellationToken);
        var (_, restricted) = await store.CreateAsync("restricted", AccessRole.Analyst, ["110101000000"], trustedDocumentsOnly: true, cancellationToken: TestContext.Current.CancellationToken);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" })
            .WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var client = api.CreateClient();

        using var anonymous = await GetAsync(client, "/graphql/schema.graphql", null);
        using var asViewer = await GetAsync(client, "/graphql/schema.graphql", viewer);
        using var asRestricted = await GetAsync(client, "/graphql/schema.graphql", restricted);
        using var asAnalyst = await GetAsync(client, "/graphql/schema.graphql", analyst);
        using var idePage = await GetAsync(client, "/graphql", null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain("type Query", await anonymous.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Forbidden, "INTROSPECTION_DISABLED"), (asViewer.StatusCode, (await asViewer.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, asRestricted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAnalyst.StatusCode);
        Assert.Equal(File.ReadAllText(Approved).ReplaceLineEndings("\n"), (await asAnalyst.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ReplaceLineEndings("\n"));
        Assert.Equal((HttpStatusCode.OK, "text/html"), (idePage.StatusCode, idePage.Content.Headers.ContentType?.MediaType));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html");
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
