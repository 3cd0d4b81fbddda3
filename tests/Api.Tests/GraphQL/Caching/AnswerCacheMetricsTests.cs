using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Governance.Api.GraphQL.Caching;
using Governance.Api.Tests.GraphQL.Introspection;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using Microsoft.Extensions.DependencyInjection;
using static Governance.Api.Tests.GraphQL.Caching.AnswerCacheTests;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.GraphQL.Caching;

/// <summary>
/// The cache's bound and its figures at <c>/metrics</c>. OpenTelemetry listens to meters by name across the process, so
/// these run alone: another test's API would add its own answer-cache figures to this one's.
/// </summary>
[Collection(nameof(ProcessWideMetrics))]
public sealed partial class AnswerCacheMetricsTests
{
    [Fact]
    public async Task ManyDistinctAnswersDoNotGrowTheCachePastItsLimit()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:AnswerCache:SizeLimitMegabytes"] = "1" });
        using var client = api.CreateClient();
        var cache = api.Services.GetRequiredService<AnswerCache>();
        var query = IntrospectionQueryTests.QueryText("default");
        var sizes = new List<int>();
        const int Requests = 50;

        for (var i = 0; i < Requests; i++)
        {
            // An unused variable makes each request a key of its own; the answer (the whole schema) is the same size each time.
            var answer = await PostAsync(client, query, new { distinct = i }, operationName: "IntrospectionQuery");
            Assert.Equal((HttpStatusCode.OK, "miss"), (answer.Status, answer.Cache));
            sizes.Add(answer.Body.Length);
            Assert.True(cache.Statistics.Bytes <= 1024 * 1024, $"after {i + 1} answers of {answer.Body.Length} bytes the cache holds {cache.Statistics.Bytes} bytes");
        }

        var metrics = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.True(sizes.Sum() > 3 * 1024 * 1024, $"the answers took {sizes.Sum()} bytes in all: too few to test the bound");
        Assert.InRange(cache.Statistics.Entries, 1, (1024 * 1024 / sizes.Min()) + 1);
        Assert.InRange(Gauge(metrics, "governance_answer_cache_size_bytes"), 1, 1024 * 1024);
        Assert.Equal(1024 * 1024, Gauge(metrics, "governance_answer_cache_limit_bytes"));
        Assert.Equal(Requests, Gauge(metrics, "governance_answer_cache_misses_total"));
        Assert.Equal(0, Gauge(metrics, "governance_answer_cache_hits_total", absentIsZero: true)); // a counter never added to is not exported
    }

    [Fact]
    public async Task TheMetricsAreServedToOperatorsAndAdminsOnly()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(warehouse);
        var store = new ApiKeyStore(warehouse.Factory, TimeProvider.System);
        var (_, analyst) = await store.CreateAsync("analyst", AccessRole.Analyst, [County], cancellationToken: Ct);
        var (_, viewer) = await store.CreateAsync("viewer", AccessRole.Viewer, [County], cancellationToken: Ct);
        var (_, township) = await store.CreateAsync("ops", AccessRole.Operator, [T1], cancellationToken: Ct);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" });
        using var client = api.CreateClient();
        var variables = new { level = "VILLAGE", year = "2024" };
        await PostAsync(client, IncomesQuery, variables, analyst);
        await PostAsync(client, IncomesQuery, variables, analyst);

        var anonymous = await GetMetricsAsync(client, null);
        var asViewer = await GetMetricsAsync(client, viewer);
        var asAnalyst = await GetMetricsAsync(client, analyst);
        var asOperator = await GetMetricsAsync(client, township);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (asViewer.Status, asAnalyst.Status));
        Assert.Equal(HttpStatusCode.OK, asOperator.Status);
        Assert.Equal((1, 1), (Gauge(asOperator.Text, "governance_answer_cache_hits_total"), Gauge(asOperator.Text, "governance_answer_cache_misses_total")));
        Assert.True(Gauge(asOperator.Text, "governance_warehouse_version") > 1, asOperator.Text);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The value of a sample without labels (or the sum over its labelled samples) in the Prometheus text.</summary>
    private static double Gauge(string metrics, string name, bool absentIsZero = false)
    {
        var samples = SampleLine().Matches(metrics).Where(m => m.Groups["name"].Value == name).ToList();
        Assert.True(samples.Count > 0 || absentIsZero, $"no {name} in:\n{metrics}");
        return samples.Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{[^}]*\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex SampleLine();

    private static async Task<(HttpStatusCode Status, string Text)> GetMetricsAsync(HttpClient client, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
