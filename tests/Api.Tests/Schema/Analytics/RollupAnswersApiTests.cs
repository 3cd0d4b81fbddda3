using System.Net;
using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Serilog.Core;
using Serilog.Events;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>
/// The API answers from the roll-ups what it answers from the facts: the generated prefecture (merges, missing reports,
/// corrections) loaded through the ETL, then one GraphQL request over real HTTP (Kestrel) to a host with
/// <c>Warehouse:Rollups:Use</c> on and to one with it off; the responses' data are equal byte for byte, and the planner's
/// Debug log shows the first host answered plans from the roll-ups and the second none.
/// </summary>
public sealed class RollupAnswersApiTests
{
    private const string Query = """
        {
          counties: observations(indicators: ["CE_OPERATING_INCOME", "CE_WEAK_SHARE", "CAD_EVAL_SCORE", "CE_INCOME_PER_VILLAGE", "ORG_DEMO_TOWNSHIP_SHARE"], level: COUNTY, from: "2022", to: "2024", includeNonReporting: true) {
            totalCount
            nodes { areaCode period { key } indicatorCode value numerator denominator reportingUnits expectedUnits previousValue periodGrowth yoyGrowth change yoyChange area { code name } }
          }
          townships: observations(indicators: ["ORG_COMPOUND_COVERAGE", "GOV_GRIDS"], level: TOWNSHIP, grain: QUARTER, from: "2023", to: "2024", orderBy: [{ field: VALUE, direction: DESC }]) {
            nodes { areaCode period { key } indicatorCode value numerator denominator reportingUnits expectedUnits yoyGrowth }
          }
          growth(indicator: "CE_TOTAL_INCOME", level: TOWNSHIP, from: 2021, to: 2024) { areaCode points { year value } cagr change trendGrowth }
          distribution(indicator: "CE_OPERATING_INCOME", period: "2024", level: TOWNSHIP) { count mean stdDev min p10 q1 median q3 p90 max gini bands { label count } }
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OneRequestOverHttpGetsTheSameBodyFromTheRollupsAsFromTheFacts(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);

        var (rolledLog, factsLog) = (new LogSink(), new LogSink());
        var rolled = await AskAsync(warehouse, "true", rolledLog);
        var facts = await AskAsync(warehouse, "false", factsLog);

        Assert.Contains("\"value\":", facts, StringComparison.Ordinal);
        Assert.Equal(facts, rolled);
        var fromRollups = rolledLog.Messages(LogEventLevel.Debug, "Grouped rows of ").Count(m => m.EndsWith("from \"rollups\"", StringComparison.Ordinal));
        Assert.True(fromRollups >= 8, $"{fromRollups} plans answered from the roll-ups: {string.Join(" | ", rolledLog.Messages(LogEventLevel.Debug, "Grouped rows of "))}");
        var factsPlans = factsLog.Messages(LogEventLevel.Debug, "Grouped rows of ");
        Assert.Equal(fromRollups, factsPlans.Count(m => m.EndsWith("from \"facts\"", StringComparison.Ordinal)));
        Assert.DoesNotContain(factsPlans, m => m.EndsWith("from \"rollups\"", StringComparison.Ordinal));
        TestContext.Current.SendDiagnosticMessage($"{provider}: {fromRollups} plans from the roll-ups, {rolled.Length} bytes equal");
    }

    /// <summary>The query posted to a real Kestrel host of the API with <c>Warehouse:Rollups:Use</c> set so.</summary>
    private static async Task<string> AskAsync(TestWarehouse warehouse, string use, ILogEventSink log)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Warehouse:Rollups:Use"] = use,
            ["Api:Limits:RequestsPerMinute"] = "0",
            ["Serilog:MinimumLevel:Override:Governance.Warehouse.Querying.Planning.SourcePlanner"] = "Debug",
        };
        await using var api = new GovernanceApiFactory(warehouse, settings);
        await using var host = api.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton(log)));
        host.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address };
        using var response = await client.SendQueryAsync(Query);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");

        // The data as sent (its number literals untouched); the extensions carry the request's own id.
        using var json = JsonDocument.Parse(body);
        Assert.False(json.RootElement.TryGetProperty("errors", out var errors), errors.ToString());
        return json.RootElement.GetProperty("data").GetRawText();
    }

    /// <summary>The generated prefecture through the ETL's loaders, as an office sends it: areas, two years, a merge, a year, a merge, a year, corrections.</summary>
    private static async Task LoadAsync(TestWarehouse warehouse)
    {
        var folder = Directory.CreateTempSubdirectory("gov-rollup-api-");
        try
        {
            var county = new GeneratedCounty(seed: 7);
            var areas = new AreaFileLoader(warehouse.Factory, NullLogger<AreaFileLoader>.Instance);
            var facts = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
            async Task Load(Func<string, LoadOptions, CancellationToken, Task<LoadResult>> loader, string name, string content)
            {
                var file = Path.Combine(folder.FullName, name);
                await File.WriteAllTextAsync(file, content, Ct);
                var result = await loader(file, LoadOptions.Default, Ct);
                Assert.True(result.Status == LoadBatchStatus.Loaded, $"{name}: {result.Status} {result.Message}");
            }

            await Load(areas.LoadAsync, "areas.csv", GeneratedCounty.Areas);
            foreach (var year in new[] { 2021, 2022 })
            {
                foreach (var code in GeneratedCounty.Counties)
                {
                    await Load(facts.LoadAsync, $"{code}-{year}.csv", county.Year(code, year));
                }
            }

            await Load(areas.LoadAsync, "merge-2023.csv", GeneratedCounty.FirstMerge);
            foreach (var code in GeneratedCounty.Counties)
            {
                await Load(facts.LoadAsync, $"{code}-2023.csv", county.Year(code, 2023));
            }

            await Load(areas.LoadAsync, "merge-2024.csv", GeneratedCounty.SecondMerge);
            foreach (var code in GeneratedCounty.Counties)
            {
                await Load(facts.LoadAsync, $"{code}-2024.csv", county.Year(code, 2024));
            }

            await Load(facts.LoadAsync, "corrections.csv", county.Corrections());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
