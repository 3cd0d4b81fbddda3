using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.GraphiQL;

/// <summary>GraphiQL in headless chromium reads the schema by introspection: no error, the docs explorer lists Query's fields, the editor completes them.</summary>
public sealed class GraphiQLSchemaTests
{
    private const string ResultPane = "document.querySelector('.result-window')?.innerText ?? ''";
    private const string DocsPane = "document.querySelector('.graphiql-doc-explorer')?.innerText ?? ''";
    private const string QueryLink = "[...document.querySelectorAll('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name')].find(a => a.innerText.trim() === 'Query')";
    private const string Hints = "[...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.innerText.trim())";

    [Fact]
    public async Task GraphiQLLoadsTheSchemaIntoItsDocsExplorerAndItsAutocompletion()
    {
        var chromium = HeadlessChromium.Executable();
        var cancel = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        api.UseKestrel(0);
        api.StartServer();
        var address = api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var page = await ChromiumPage.OpenAsync(chromium, cancel);

        string? rootText, queryDocs, result;
        List<string> hints;
        try
        {
            await page.NavigateAsync(new Uri($"{address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal)}/graphql"), cancel);
            await page.WaitForAsync("document.querySelector('button[aria-label=\"Show Documentation Explorer\"]')", "GraphiQL's docs button", cancel);
            await page.EvaluateAsync("document.querySelector('button[aria-label=\"Show Documentation Explorer\"]').click()", cancel);
            await page.WaitForAsync($"{QueryLink}", "the docs explorer's root type Query (the schema loaded)", cancel);
            rootText = (string?)await page.EvaluateAsync(DocsPane, cancel);
            await page.EvaluateAsync($"{QueryLink}.click()", cancel);
            await page.WaitForAsync($"({DocsPane}).includes('observations')", "Query's fields in the docs explorer", cancel);
            queryDocs = (string?)await page.EvaluateAsync(DocsPane, cancel);
            await page.EvaluateAsync("(() => { const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror; cm.setValue(''); cm.focus(); })()", cancel);
            await page.TypeAsync("{ ar", cancel);
            await page.WaitForAsync($"{Hints}.includes('areas')", "autocompletion of 'ar'", cancel);
            hints = [.. (await page.EvaluateAsync(Hints, cancel))!.AsArray().Select(h => (string)h!)];
            result = (string?)await page.EvaluateAsync(ResultPane, cancel);
        }
        finally
        {
            var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "graphiql-schema.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await File.WriteAllBytesAsync(screenshot, await page.ScreenshotAsync(cancel), cancel);
        }

        Assert.Contains("Query", rootText, StringComparison.Ordinal);
        foreach (var field in new[] { "indicators", "observations", "areas", "area", "distribution" })
        {
            Assert.Contains(field, queryDocs, StringComparison.Ordinal);
        }

        Assert.Equal(["area", "areas"], hints.Where(h => h.StartsWith("ar", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("error", result ?? "", StringComparison.OrdinalIgnoreCase);
    }
}
