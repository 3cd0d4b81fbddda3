using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.GraphQL.Caching;
using Governance.Api.Tests.Support;
using Governance.Etl.Loading;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Security;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.GraphQL.Caching;

/// <summary>
/// The answer cache over real HTTP: a repeated request is a hit with the same bytes; other variables and other scopes
/// are other entries (a township key never gets the county's answer); a load the ETL commits makes the next request a
/// miss that shows the new data; off means no hits; the load journal and failed answers are never kept.
/// </summary>
public sealed class AnswerCacheTests
{
    internal const string IncomesQuery = """
        query IncomesQuery($level: AreaLevel!, $year: String!) {
          observations(indicators: ["CE_OPERATING_INCOME"], level: $level, from: $year, to: $year) { nodes { areaCode value } }
        }
        """;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheSameRequestAgainIsAHitWithTheSameBytes(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        var variables = new { level = "VILLAGE", year = "2024" };

        var first = await PostAsync(client, IncomesQuery, variables);
        var second = await PostAsync(client, IncomesQuery, variables);
        var respaced = await PostAsync(client, "# the same query, spaced and commented otherwise\n" + IncomesQuery.Replace("\n", "\n\n   ", StringComparison.Ordinal), new { year = "2024", level = "VILLAGE" });

        Assert.Equal(("miss", HttpStatusCode.OK), (first.Cache, first.Status));
        Assert.Equal(("hit", HttpStatusCode.OK), (second.Cache, second.Status));
        Assert.Equal("hit", respaced.Cache); // the document is keyed as printed from its syntax tree, the variables with sorted keys
        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.Equal(first.Body.Replace(first.RequestId, "ID", StringComparison.Ordinal), second.Body.Replace(second.RequestId, "ID", StringComparison.Ordinal));
        Assert.Equal(first.Body.Replace(first.RequestId, "ID", StringComparison.Ordinal), respaced.Body.Replace(respaced.RequestId, "ID", StringComparison.Ordinal));
        Assert.Equal(
            [(A, 12.0), (B, 25.0), (C, 130.0)],
            JsonNode.Parse(second.Body)!["data"]!["observations"]!["nodes"]!.AsArray().Select(n => ((string)n!["areaCode"]!, (double)n["value"]!)).Order());
        Assert.Equal((2, 1), Counts(api)); // (hits, misses)
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task OtherVariablesAndOtherScopesAreOtherEntriesAndAScopeNeverGetsAnotherScopesAnswer(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, county) = await store.CreateAsync("county", AccessRole.Analyst, [County], cancellationToken: Ct);
        var (_, township) = await store.CreateAsync("t1", AccessRole.Analyst, [T1], cancellationToken: Ct);
        var (_, townshipAgain) = await store.CreateAsync("t1-second-key", AccessRole.Analyst, [T1], cancellationToken: Ct);
        var (_, countyViewer) = await store.CreateAsync("county-viewer", AccessRole.Viewer, [County], cancellationToken: Ct);
        await using var role = provider == WarehouseProvider.Postgres ? await TestApiRole.CreateAsync(warehouse) : null;
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?>(role?.Configuration ?? new Dictionary<string, string?>()) { ["Auth:AllowAnonymous"] = "false" });
        using var client = api.CreateClient();
        var villages2024 = new { level = "VILLAGE", year = "2024" };

        var countyFirst = await PostAsync(client, IncomesQuery, villages2024, county);
        var townshipFirst = await PostAsync(client, IncomesQuery, villages2024, township);
        var townshipSecond = await PostAsync(client, IncomesQuery, villages2024, townshipAgain);
        var countyOther = await PostAsync(client, IncomesQuery, new { level = "VILLAGE", year = "2023" }, county);
        var countySecond = await PostAsync(client, IncomesQuery, villages2024, county);
        var viewer = await PostAsync(client, IncomesQuery, villages2024, countyViewer);
        var everything = await PostAsync(client, Security.ScopeMatrixTests.Everything, null, township);
        var everythingAgain = await PostAsync(client, Security.ScopeMatrixTests.Everything, null, township);

        Assert.Equal(["miss", "miss", "hit", "miss", "hit"], new[] { countyFirst, townshipFirst, townshipSecond, countyOther, countySecond }.Select(r => r.Cache));
        Assert.Equal([(A, 12.0), (B, 25.0), (C, 130.0)], Values(countyFirst));
        Assert.Equal([(A, 12.0), (B, 25.0)], Values(townshipFirst)); // the county's answer, cached just before, was not served
        Assert.Equal([(A, 12.0), (B, 25.0)], Values(townshipSecond)); // another key of the same role and areas shares the entry
        Assert.Equal([(A, 10.0), (B, 20.0), (C, 100.0)], Values(countyOther));
        Assert.Equal([(A, 12.0), (B, 25.0), (C, 130.0)], Values(countySecond));
        Assert.Equal((HttpStatusCode.Forbidden, "miss"), (viewer.Status, viewer.Cache)); // the same areas in a role that may not see villages
        Assert.Equal(("miss", "hit"), (everything.Cache, everythingAgain.Cache));
        foreach (var answer in new[] { everything, everythingAgain })
        {
            Assert.DoesNotContain("361100102", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("二镇", answer.Body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALoadCommittedBetweenTwoRequestsMakesTheNextAMissWithTheNewData(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        await using var role = provider == WarehouseProvider.Postgres ? await TestApiRole.CreateAsync(warehouse) : null;
        await using var api = new GovernanceApiFactory(warehouse, role?.Configuration);
        using var client = api.CreateClient();
        using var folder = new TempFiles();
        var loader = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
        var villages2024 = new { level = "VILLAGE", year = "2024" };
        const string Version = "{ warehouse { version } }";

        var before = await PostAsync(client, IncomesQuery, villages2024);
        var versionBefore = await PostAsync(client, Version, null);
        var cached = await PostAsync(client, IncomesQuery, villages2024);
        var dryRun = await loader.LoadAsync(folder.Write("dry.csv", $"area_code,period,indicator,value\n{A},2024,{Income},99\n"), new LoadOptions(DryRun: true), Ct);
        var afterDryRun = await PostAsync(client, IncomesQuery, villages2024);
        var load = await loader.LoadAsync(folder.Write("restated.csv", $"area_code,period,indicator,value\n{A},2024,{Income},99\n"), LoadOptions.Default, Ct);
        var after = await PostAsync(client, IncomesQuery, villages2024);
        var afterAgain = await PostAsync(client, IncomesQuery, villages2024);
        var versionAfter = await PostAsync(client, Version, null);

        Assert.Equal((LoadBatchStatus.DryRun, LoadBatchStatus.Loaded), (dryRun.Status, load.Status));
        Assert.Equal(["miss", "hit", "hit", "miss", "hit"], new[] { before, cached, afterDryRun, after, afterAgain }.Select(r => r.Cache));
        Assert.Equal([(A, 12.0), (B, 25.0), (C, 130.0)], Values(afterDryRun));
        Assert.Equal([(A, 99.0), (B, 25.0), (C, 130.0)], Values(after));
        Assert.Equal([(A, 99.0), (B, 25.0), (C, 130.0)], Values(afterAgain));
        Assert.Equal(VersionOf(versionBefore) + 1, VersionOf(versionAfter));
        Assert.Equal(2, api.Services.GetRequiredService<AnswerCache>().Statistics.Entries); // the old version's two went at the first request of the new one
    }

    [Fact]
    public async Task OffMeansEveryRequestExecutes()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:AnswerCache:Enabled"] = "false" });
        using var client = api.CreateClient();
        var villages2024 = new { level = "VILLAGE", year = "2024" };

        var answers = new[] { await PostAsync(client, IncomesQuery, villages2024), await PostAsync(client, IncomesQuery, villages2024), await PostAsync(client, IncomesQuery, villages2024) };

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, (string?)null), (a.Status, a.Cache)));
        Assert.Equal((0, 0), Counts(api));
        Assert.Equal(0, api.Services.GetRequiredService<AnswerCache>().Statistics.Entries);
    }

    [Fact]
    public async Task IdenticalRequestsThatMissTogetherExecuteOnceAndAllGetTheSameBytes()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        await using var services = api.Services.CreateAsyncScope();
        var cache = api.Services.GetRequiredService<AnswerCache>();
        AccessScope.Current = AccessScope.Everything(AccessRole.Analyst);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runs = 0;
        async Task<ExecutionResult> Execute()
        {
            Interlocked.Increment(ref runs);
            await gate.Task; // held until every request has arrived: without coalescing all five would be here
            return new ExecutionResult { Executed = true, Data = new Dictionary<string, object?> { ["answer"] = 42 } };
        }

        ExecutionOptions Options() => new() { Document = GraphQLParser.Parser.Parse("{ answer }"), RequestServices = services.ServiceProvider, CancellationToken = Ct };

        var requests = Enumerable.Range(0, 5).Select(_ => Task.Run(() => cache.AnswerAsync(Options(), Execute), Ct)).ToArray();
        while (Volatile.Read(ref runs) == 0)
        {
            await Task.Delay(10, Ct);
        }

        await Task.Delay(500, Ct);
        gate.SetResult();
        var answers = await Task.WhenAll(requests);

        Assert.Equal(1, runs);
        var bodies = answers.Select(a => System.Text.Encoding.UTF8.GetString(Assert.IsType<CachedAnswer>(a).Body.Span)).ToList();
        Assert.All(bodies, b => Assert.Equal("""{"data":{"answer":42}}""", b));
        Assert.Equal((4, 1), Counts(api));
    }

    [Fact]
    public async Task TheLoadJournalAndAnswersWithErrorsAreNeverKept()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        const string Batches = "{ totalCount: loadBatches { totalCount } }";
        const string Unknown = """{ observations(indicators: ["NO_SUCH_INDICATOR"], level: VILLAGE, from: "2024", to: "2024") { totalCount } }""";

        var batches = new[] { await PostAsync(client, Batches, null), await PostAsync(client, Batches, null) };
        var unknown = new[] { await PostAsync(client, Unknown, null), await PostAsync(client, Unknown, null) };
        var syntax = await PostAsync(client, "{ observations(", null);

        Assert.All(batches, b => Assert.Equal((HttpStatusCode.OK, (string?)null), (b.Status, b.Cache)));
        Assert.All(unknown, u => Assert.Equal("miss", u.Cache));
        Assert.All(unknown, u => Assert.Contains("\"errors\"", u.Body, StringComparison.Ordinal));
        Assert.Null(syntax.Cache);
        Assert.Equal(0, api.Services.GetRequiredService<AnswerCache>().Statistics.Entries);
    }

    [Theory]
    [InlineData("Api:AnswerCache:SizeLimitMegabytes", "0", "Setting Api:AnswerCache:SizeLimitMegabytes must be between 1 and 65536.")]
    [InlineData("Api:AnswerCache:MaxEntryKilobytes", "-1", "Setting Api:AnswerCache:MaxEntryKilobytes must be between 1 and 1048576.")]
    [InlineData("Api:AnswerCache:Enabled", "yes", "Api:AnswerCache:Enabled")]
    public async Task ABadSettingStopsStartUpNamingIt(string setting, string value, string message)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { [setting] = value });

        var error = Assert.ThrowsAny<Exception>(() => api.CreateClient());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static (long Hits, long Misses) Counts(GovernanceApiFactory api)
    {
        var statistics = api.Services.GetRequiredService<AnswerCache>().Statistics;
        return (statistics.Hits, statistics.Misses);
    }

    private static List<(string, double)> Values(Answer answer) =>
        [.. JsonNode.Parse(answer.Body)!["data"]!["observations"]!["nodes"]!.AsArray().Select(n => ((string)n!["areaCode"]!, (double)n["value"]!)).Order()];

    private static long VersionOf(Answer answer) => (long)JsonNode.Parse(answer.Body)!["data"]!["warehouse"]!["version"]!;

    internal static async Task<Answer> PostAsync(HttpClient client, string query, object? variables, string? key = null, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables, operationName }) };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        var cache = response.Headers.TryGetValues(AnswerCache.Header, out var values) ? values.Single() : null;
        var requestId = (string?)JsonNode.Parse(body)?["extensions"]?["requestId"] ?? (string?)JsonNode.Parse(body)?["errors"]?[0]?["extensions"]?["requestId"] ?? "";
        return new Answer(response.StatusCode, cache, body, requestId);
    }

    internal sealed record Answer(HttpStatusCode Status, string? Cache, string Body, string RequestId);

    private sealed class TempFiles : IDisposable
    {
        private readonly string _path = Directory.CreateTempSubdirectory("governance-answercache-").FullName;

        public string Write(string name, string text)
        {
            var file = Path.Combine(_path, name);
            File.WriteAllText(file, text);
            return file;
        }

        public void Dispose() => Directory.Delete(_path, recursive: true);
    }
}
