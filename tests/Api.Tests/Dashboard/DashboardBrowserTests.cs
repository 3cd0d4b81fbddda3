using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Api.Tests.Dashboard;

/// <summary>
/// /dashboard in headless chromium at 1920x1080 on the demo county, cut off every host but the API's: every chart draws
/// the API's figures (checked against separate GraphQL requests and against the demo generator's own values), nothing
/// is logged as an error, nothing but the API is asked for, the page does not scroll, PNG and XLSX exports answer.
/// </summary>
public sealed class DashboardBrowserTests(DemoCountyWarehouse demo) : IClassFixture<DemoCountyWarehouse>
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private const int Year = 2024;

    /// <summary>No host resolves but the API's address (127.0.0.1): the page has no network but the API.</summary>
    private static readonly string[] Offline = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "--hide-scrollbars"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryChartOfTheCountyShowsTheApisFiguresWithoutErrorsOrOtherHosts()
    {
        var chromium = HeadlessChromium.Executable();
        await using var api = new GovernanceApiFactory(demo.Warehouse);
        var address = Start(api);
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        var expected = await client.DataAsync(ExpectedQuery, new { county = DemoCountyWarehouse.County, year = Year.ToString(CultureInfo.InvariantCulture), next = (Year + 1).ToString(CultureInfo.InvariantCulture) });
        var downloads = Directory.CreateTempSubdirectory("governance-dashboard-downloads-");
        await using var page = await OpenAsync(chromium, downloads.FullName);
        var passed = false;
        try
        {
            await page.NavigateAsync(new Uri($"{address}/dashboard"), Ct);
            await page.WaitForAsync("document.body?.dataset.state === 'ready'", "the dashboard to load every panel", Ct);
            await Screenshot(page, "dashboard-county.png");

            await AssertEveryPanelDrawnAsync(page);
            Assert.Equal("361124000000", await StringAsync(page, "document.getElementById('area').value"));
            Assert.Equal(["2024", "2023", "2022", "2021", "2020", "2019"], await StringsAsync(page, "[...document.getElementById('year').options].map(o => o.value)"));
            Assert.Equal("2024", await StringAsync(page, "document.getElementById('year').value"));

            // Weak villages: the figures of a separate request, and the generator's villages under the threshold (10 万元).
            var weak = expected.GetProperty("weak").GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("indicatorCode").GetString()!, n => n.GetProperty("value").GetDouble());
            var incomes = IncomesOf(Year);
            Assert.Equal(incomes.Values.Count(v => v < 10m), weak["CE_WEAK_VILLAGES"]);
            Assert.Equal(weak["CE_WEAK_VILLAGES"], double.Parse(await StringAsync(page, "document.querySelector('#kpi-weak .kpi-value').dataset.value"), CultureInfo.InvariantCulture));
            Assert.Equal(weak["CE_WEAK_SHARE"], double.Parse(await StringAsync(page, "document.querySelector('#kpi-weak-share .kpi-value').dataset.value"), CultureInfo.InvariantCulture), 9);
            Assert.StartsWith($"{weak["CE_WEAK_VILLAGES"]}个", await StringAsync(page, "document.querySelector('#kpi-weak .kpi-value').textContent"), StringComparison.Ordinal);

            // Income by township: one bar per township the API lists, largest first, each the sum of its villages' incomes.
            var townships = expected.GetProperty("townships");
            Assert.Equal(townships.GetProperty("totalCount").GetInt32(), demo.Demo.County.Townships.Count);
            var bars = await page.EvaluateAsync("(() => { const o = governanceDashboard.charts.ranking.getOption(); return { names: o.yAxis[0].data, values: o.series[0].data }; })()", Ct);
            var names = bars!["names"]!.AsArray().Select(n => (string)n!).ToList();
            Assert.Equal(townships.GetProperty("totalCount").GetInt32(), names.Count);
            var byTownship = demo.Demo.County.Townships
                .Select(t => (t.Name, Income: (double)incomes.Where(i => demo.Demo.County.Units.First(u => u.Code == i.Key).ParentCode == t.Code).Sum(i => i.Value)))
                .OrderByDescending(t => t.Income)
                .ToList();
            Assert.Equal(byTownship.Select(t => t.Name), names);
            Assert.All(byTownship.Zip(bars["values"]!.AsArray()), pair => Assert.Equal(pair.First.Income, (double)pair.Second!, 6));

            // Distribution: the API's band counts and Gini.
            var distribution = expected.GetProperty("distribution");
            Assert.Equal(
                distribution.GetProperty("bands").EnumerateArray().Select(b => b.GetProperty("count").GetInt32()),
                await IntsAsync(page, "governanceDashboard.charts.distribution.getOption().series[0].data.map(d => d.value)"));
            Assert.Equal(distribution.GetProperty("gini").GetDouble(), double.Parse(await StringAsync(page, "document.querySelector('#kpi-gini .kpi-value').dataset.value"), CultureInfo.InvariantCulture), 12);
            Assert.Equal(incomes.Count, distribution.GetProperty("count").GetInt32());

            // Coverage: a cell per township and quarter; trend: a line per township.
            Assert.Equal(expected.GetProperty("coverage").GetProperty("totalCount").GetInt32(), await IntAsync(page, "governanceDashboard.charts.coverage.getOption().series[0].data.length"));
            Assert.Equal(demo.Demo.County.Townships.Count * 4, await IntAsync(page, "governanceDashboard.charts.coverage.getOption().series[0].data.length"));
            Assert.Equal(
                demo.Demo.County.Townships.Select(t => t.Name).Order(StringComparer.Ordinal),
                (await StringsAsync(page, "[...new Set(governanceDashboard.charts.trend.getOption().series.map(s => s.name))]")).Order(StringComparer.Ordinal));

            // Targets behind schedule: every attainment row of the followed targets that is not on schedule.
            var behind = new[] { "weakCounty", "weakTownships", "sitesTownships", "incomeVillages" }
                .SelectMany(list => new[] { list + "This", list + "Next" })
                .Sum(list => expected.GetProperty(list).EnumerateArray().Count(r => !r.GetProperty("onSchedule").GetBoolean()));
            Assert.True(behind > 0, "the demo county has targets behind schedule");
            Assert.Equal(behind, await IntAsync(page, "Number(document.querySelector('#kpi-behind .kpi-value').dataset.value)"));
            Assert.Equal(behind, await IntAsync(page, "document.querySelectorAll('#panel-targets tbody tr').length"));

            // Who has not reported: nobody in the demo's last year.
            Assert.Equal(0, await IntAsync(page, "Number(document.querySelector('#kpi-missing .kpi-value').dataset.value)"));

            await AssertLaidOutOnOneScreenAsync(page);
            await AssertNoErrorAndOnlyTheApiAsync(page, address, allowedNetworkErrors: 0);

            // The year picker: the year in which the generator left reports out.
            var missingYear = demo.Demo.MissingReports.GroupBy(m => m.Year).OrderByDescending(g => g.Count()).First();
            await page.EvaluateAsync($"(() => {{ const s = document.getElementById('year'); s.value = '{missingYear.Key}'; s.dispatchEvent(new Event('change')); }})()", Ct);
            await page.WaitForAsync($"document.body.dataset.state === 'ready' && document.title.includes('{missingYear.Key}年')", $"the dashboard of {missingYear.Key}", Ct);
            await AssertEveryPanelDrawnAsync(page);
            var missingNames = missingYear.Select(m => demo.Demo.County.Units.First(u => u.Code == m.AreaCode).Name).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(missingNames, (await StringsAsync(page, "[...document.querySelectorAll('#panel-missing tbody tr')].map(tr => tr.cells[0].textContent)")).Order(StringComparer.Ordinal));
            Assert.Equal(missingNames.Count, await IntAsync(page, "Number(document.querySelector('#kpi-missing .kpi-value').dataset.value)"));
            await Screenshot(page, $"dashboard-county-{missingYear.Key}.png");

            // PNG: a real PNG file downloaded from the chart.
            await page.EvaluateAsync("document.querySelector('#panel-ranking .tools button[title*=PNG]').click()", Ct);
            if (await DownloadedAsync(downloads, ".png") is { } png)
            {
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await File.ReadAllBytesAsync(png, Ct))[..4]);
            }
            await AssertNoErrorAndOnlyTheApiAsync(page, address, allowedNetworkErrors: 0);

            // XLSX: the server's export when it has one, else a visible message saying what it answered.
            using var probe = await client.SendQueryAsync("{ indicators { code } }", accept: XlsxType);
            var serverExports = probe.IsSuccessStatusCode && probe.Content.Headers.ContentType?.MediaType == XlsxType;
            await page.EvaluateAsync("document.querySelector('#panel-ranking .tools button[title*=Excel]').click()", Ct);
            await page.WaitForAsync("['xlsx', 'refused'].includes(document.getElementById('panel-ranking').dataset.export)", "the XLSX export to answer", Ct);
            var toast = await StringAsync(page, "document.getElementById('toast').hidden ? '' : document.getElementById('toast').textContent");
            if (serverExports)
            {
                Assert.Equal("xlsx", await StringAsync(page, "document.getElementById('panel-ranking').dataset.export"));
                if (await DownloadedAsync(downloads, ".xlsx") is { } xlsx)
                {
                    Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync(xlsx, Ct))[..2]);
                }
            }
            else
            {
                Assert.Equal("refused", await StringAsync(page, "document.getElementById('panel-ranking').dataset.export"));
                Assert.Contains("XLSX", toast, StringComparison.Ordinal);
                Assert.Contains($"HTTP {(int)probe.StatusCode}", toast, StringComparison.Ordinal);
            }

            await Screenshot(page, "dashboard-county-export.png");
            await AssertNoErrorAndOnlyTheApiAsync(page, address, allowedNetworkErrors: serverExports ? 0 : 1);
            passed = true;
        }
        finally
        {
            downloads.Delete(recursive: true);
            if (!passed)
            {
                await Screenshot(page, "dashboard-county-failed.png");
            }
        }
    }

    [Fact]
    public async Task ATownshipKeyEnteredOnceShowsItsTownshipAndItsVillagesOnly()
    {
        var chromium = HeadlessChromium.Executable();
        var township = demo.Demo.County.Townships[0];
        var (_, key) = await new ApiKeyStore(demo.Warehouse.Factory, TimeProvider.System).CreateAsync($"dashboard-{Guid.NewGuid():N}", AccessRole.Analyst, [township.Code], cancellationToken: Ct);
        await using var api = new GovernanceApiFactory(demo.Warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" });
        var address = Start(api);
        await using var page = await OpenAsync(chromium, downloads: null);

        await page.NavigateAsync(new Uri($"{address}/dashboard"), Ct);
        try
        {
            await page.WaitForAsync("document.body?.dataset.state === 'need-key' && document.getElementById('key-dialog').open", "the dashboard to ask for a key after its first request's 401", Ct);
        }
        catch
        {
            await Screenshot(page, "dashboard-township-failed.png");
            throw;
        }

        await page.EvaluateAsync($"(() => {{ document.getElementById('key-input').value = {JsonSerializer.Serialize(key)}; document.getElementById('key-form').requestSubmit(); }})()", Ct);
        await page.WaitForAsync("document.body?.dataset.state === 'ready'", "the dashboard to load with the key", Ct);
        await Screenshot(page, "dashboard-township.png");

        await AssertEveryPanelDrawnAsync(page);
        Assert.Equal([township.Code], await StringsAsync(page, "[...document.getElementById('area').options].map(o => o.value)"));
        Assert.Equal(key, await StringAsync(page, "sessionStorage.getItem('governance.dashboard.apiKey')"));
        var villages = IncomesOf(Year).Where(i => demo.Demo.County.Units.First(u => u.Code == i.Key).ParentCode == township.Code)
            .OrderByDescending(i => i.Value).Select(i => demo.Demo.County.Units.First(u => u.Code == i.Key).Name).ToList();
        Assert.Equal(villages, await StringsAsync(page, "governanceDashboard.charts.ranking.getOption().yAxis[0].data"));
        Assert.Equal("凭据：API 密钥", await StringAsync(page, "document.getElementById('caller').textContent"));
        await AssertLaidOutOnOneScreenAsync(page);
        await AssertNoErrorAndOnlyTheApiAsync(page, address, allowedNetworkErrors: 1); // the first request's 401, which asked for the key
    }

    private const string ExpectedQuery = """
        query ($county: String!, $year: String!, $next: String!) {
          townships: areas(level: TOWNSHIP, within: $county, first: 100) { totalCount nodes { code name } }
          weak: observations(indicators: ["CE_WEAK_VILLAGES", "CE_WEAK_SHARE"], level: COUNTY, within: $county, from: $year, to: $year) { nodes { indicatorCode value } }
          distribution(indicator: "CE_OPERATING_INCOME", period: $year, within: $county) { count gini bands { count } }
          coverage: observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: TOWNSHIP, within: $county, grain: QUARTER, from: "2024Q1", to: "2024Q4", first: 1000) { totalCount }
          weakCountyThis: attainment(indicator: "CE_WEAK_VILLAGES", period: $year, level: COUNTY, within: $county) { onSchedule }
          weakCountyNext: attainment(indicator: "CE_WEAK_VILLAGES", period: $next, level: COUNTY, within: $county) { onSchedule }
          weakTownshipsThis: attainment(indicator: "CE_WEAK_VILLAGES", period: $year, level: TOWNSHIP, within: $county) { onSchedule }
          weakTownshipsNext: attainment(indicator: "CE_WEAK_VILLAGES", period: $next, level: TOWNSHIP, within: $county) { onSchedule }
          sitesTownshipsThis: attainment(indicator: "ORG_DEMO_SITES", period: $year, level: TOWNSHIP, within: $county) { onSchedule }
          sitesTownshipsNext: attainment(indicator: "ORG_DEMO_SITES", period: $next, level: TOWNSHIP, within: $county) { onSchedule }
          incomeVillagesThis: attainment(indicator: "CE_OPERATING_INCOME", period: $year, level: VILLAGE, within: $county) { onSchedule }
          incomeVillagesNext: attainment(indicator: "CE_OPERATING_INCOME", period: $next, level: VILLAGE, within: $county) { onSchedule }
        }
        """;

    /// <summary>Operating income per village in a year, as the generator made it (villages that reported it).</summary>
    private Dictionary<string, decimal> IncomesOf(int year) => demo.Demo.Values
        .Where(v => v.Indicator == "CE_OPERATING_INCOME" && v.Period == PeriodKey.ForYear(year))
        .ToDictionary(v => v.AreaCode, v => v.Value, StringComparer.Ordinal);

    private static string Start(GovernanceApiFactory api)
    {
        api.UseKestrel(0);
        api.StartServer();
        return api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
    }

    private static async Task<ChromiumPage> OpenAsync(string chromium, string? downloads)
    {
        var page = await ChromiumPage.OpenAsync(chromium, Offline, Ct);
        await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = 1920, ["height"] = 1080, ["deviceScaleFactor"] = 1, ["mobile"] = false }, Ct);
        foreach (var domain in new[] { "Runtime", "Log", "Network" })
        {
            await page.SendAsync($"{domain}.enable", [], Ct);
        }

        if (downloads is not null)
        {
            await page.SendAsync("Page.setDownloadBehavior", new JsonObject { ["behavior"] = "allow", ["downloadPath"] = downloads }, Ct);
        }

        return page;
    }

    private static async Task Screenshot(ChromiumPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, await page.ScreenshotAsync(Ct), Ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot: {path}");
    }

    /// <summary>Every panel is drawn (no error), on a canvas of its own that is not empty.</summary>
    private static async Task AssertEveryPanelDrawnAsync(ChromiumPage page)
    {
        var panels = (await page.EvaluateAsync("[...document.querySelectorAll('.panel')].map(p => ({ id: p.id, state: p.dataset.state, error: p.dataset.error ?? '', canvas: [...p.querySelectorAll('.chart canvas')].map(c => c.width * c.height).reduce((a, b) => a + b, 0) }))", Ct))!.AsArray();
        Assert.Equal(["panel-weak", "panel-distribution", "panel-ranking", "panel-coverage", "panel-trend", "panel-targets", "panel-missing"], panels.Select(p => (string)p!["id"]!));
        Assert.All(panels, p => Assert.Equal(((string)p!["id"]!, "ready", ""), ((string)p["id"]!, (string)p["state"]!, (string)p["error"]!)));
        Assert.All(panels, p => Assert.True((int)p!["canvas"]! > 100 * 100, $"{p["id"]} has no chart canvas"));
    }

    /// <summary>At 1920x1080 the page does not scroll and every card and panel lies inside the window.</summary>
    private static async Task AssertLaidOutOnOneScreenAsync(ChromiumPage page)
    {
        var layout = (await page.EvaluateAsync("({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight, boxes: [...document.querySelectorAll('.kpi, .panel')].map(e => { const r = e.getBoundingClientRect(); return { id: e.id, left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height }; }) })", Ct))!;
        Assert.Equal((1920, 1080), ((int)layout["width"]!, (int)layout["height"]!));
        Assert.All(layout["boxes"]!.AsArray(), b => Assert.True(
            (double)b!["left"]! >= 0 && (double)b["top"]! >= 0 && (double)b["right"]! <= 1920 && (double)b["bottom"]! <= 1080 && (double)b["height"]! > 80,
            $"{b["id"]} lies outside the 1920x1080 window: {b.ToJsonString()}"));
    }

    /// <summary>
    /// No console error or warning, no exception, no error in the browser's log but the expected failed /graphql
    /// answers (a 401 before the key, a 406 for an XLSX the server does not make), and no request to anything but the API.
    /// </summary>
    private static async Task AssertNoErrorAndOnlyTheApiAsync(ChromiumPage page, string address, int allowedNetworkErrors)
    {
        await page.EvaluateAsync("1", Ct); // reads the events sent so far
        var events = page.Events;
        var console = events.Where(e => (string?)e["method"] == "Runtime.consoleAPICalled" && (string?)e["params"]!["type"] is "error" or "warning" or "assert")
            .Select(e => e["params"]!.ToJsonString())
            .Concat(events.Where(e => (string?)e["method"] == "Runtime.exceptionThrown").Select(e => e["params"]!.ToJsonString()))
            .ToList();
        Assert.Empty(console);
        var logged = events.Where(e => (string?)e["method"] == "Log.entryAdded" && (string?)e["params"]!["entry"]!["level"] is "error" or "warning").Select(e => e["params"]!["entry"]!).ToList();
        Assert.All(logged, e => Assert.True((string?)e["source"] == "network" && (string?)e["url"] == $"{address}/graphql", $"logged: {e.ToJsonString()}"));
        Assert.Equal(allowedNetworkErrors, logged.Count);
        var requests = events.Where(e => (string?)e["method"] == "Network.requestWillBeSent").Select(e => (string)e["params"]!["request"]!["url"]!).ToList();
        Assert.Contains($"{address}/dashboard/dashboard.js", requests);
        Assert.All(requests, url => Assert.True(url.StartsWith(address + "/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal) || url.StartsWith("blob:", StringComparison.Ordinal), $"the page asked for {url}"));
    }

    /// <summary>
    /// The file the browser saved, or null (said in the output) when none arrived in 30 s: in one full CI run headless
    /// Chromium saved no download at all (the page had made it; the panel's state says so), so its bytes are checked
    /// where the browser saves downloads.
    /// </summary>
    private static async Task<string?> DownloadedAsync(DirectoryInfo folder, string extension)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var file = folder.EnumerateFiles("*" + extension).FirstOrDefault(f => f.Length > 0);
            if (file is not null)
            {
                return file.FullName;
            }

            if (DateTime.UtcNow >= deadline)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"No {extension} file was saved into {folder.FullName} by the browser within 30 s; its bytes are not checked.");
                return null;
            }

            await Task.Delay(200, Ct);
        }
    }

    private static async Task<string> StringAsync(ChromiumPage page, string expression) => (string?)await page.EvaluateAsync(expression, Ct) ?? "";

    private static async Task<List<string>> StringsAsync(ChromiumPage page, string expression) => [.. (await page.EvaluateAsync(expression, Ct))!.AsArray().Select(n => (string)n!)];

    private static async Task<int> IntAsync(ChromiumPage page, string expression) => (int)(await page.EvaluateAsync(expression, Ct))!;

    private static async Task<List<int>> IntsAsync(ChromiumPage page, string expression) => [.. (await page.EvaluateAsync(expression, Ct))!.AsArray().Select(n => (int)n!)];
}
