using System.Net;
using Governance.Api.Hosting;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Dashboard;

/// <summary>The dashboard's page and script are served to anyone (they hold no data), under a strict policy; its data calls pass the gate.</summary>
public sealed class DashboardPageTests
{
    [Fact]
    public async Task ThePageAndItsScriptNeedNoCredentialsButTheDataDoes()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" });
        using var client = api.CreateClient();
        var ct = TestContext.Current.CancellationToken;

        using var page = await client.GetAsync(new Uri("/dashboard", UriKind.Relative), ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        using var script = await client.GetAsync(new Uri("/dashboard/dashboard.js", UriKind.Relative), ct);
        using var style = await client.GetAsync(new Uri("/dashboard/dashboard.css", UriKind.Relative), ct);
        using var data = await client.SendQueryAsync("{ indicators { code } }");

        Assert.Equal((HttpStatusCode.OK, "text/html"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));
        Assert.Equal(DashboardPage.ContentSecurityPolicy, page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("<script src=\"/dashboard/dashboard.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("//", html.Replace("<!doctype html>", "", StringComparison.Ordinal), StringComparison.Ordinal); // no other host, no protocol-relative URL
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.StatusCode, script.Content.Headers.ContentType?.MediaType));
        Assert.Equal(HttpStatusCode.OK, style.StatusCode);
        Assert.DoesNotContain("https://", await style.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }
}
