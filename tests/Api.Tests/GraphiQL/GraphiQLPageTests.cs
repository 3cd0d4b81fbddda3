using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.GraphiQL;

public sealed class GraphiQLPageTests
{
    [Fact]
    public async Task BrowserAskingForHtmlGetsTheBundledGraphiQL()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var script = await client.GetAsync(new Uri("/graphiql/graphiql.js", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"/graphiql/graphiql.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.True(script.IsSuccessStatusCode);
    }

    [Fact]
    public async Task HeadlessChromiumLoadsGraphiQLAndRunsAQuery()
    {
        var chromium = HeadlessChromium.Executable();
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await new Some(warehouse).Area("361102000000", "测试县").Area("361102101000", "红星镇").SaveAsync();
        await using var api = new GovernanceApiFactory(warehouse);
        api.UseKestrel(0);
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var query = """{ area(code: "361102101000") { name children { code } parent { name } } }""";
        var url = new Uri($"{address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)}/graphql?run=1&query={Uri.EscapeDataString(query)}");

        var dom = await HeadlessChromium.DumpDomAsync(chromium, url, TestContext.Current.CancellationToken);

        Assert.Contains("graphiql-container", dom, StringComparison.Ordinal);
        var shown = JsonDocument.Parse(ShownResponse(dom)).RootElement.GetProperty("data").GetProperty("area");
        Assert.Equal("红星镇", shown.GetProperty("name").GetString());
        Assert.Equal("测试县", shown.GetProperty("parent").GetProperty("name").GetString());
        Assert.Equal(0, shown.GetProperty("children").GetArrayLength());
    }

    /// <summary>The result of the query GraphiQL ran, mirrored by the page into <c>pre#last-result</c>.</summary>
    private static string ShownResponse(string dom)
    {
        var match = System.Text.RegularExpressions.Regex.Match(dom, "<pre id=\"last-result\"[^>]*>(.*?)</pre>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(match.Success && match.Groups[1].Value.Length > 0, "GraphiQL ran no query.");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
