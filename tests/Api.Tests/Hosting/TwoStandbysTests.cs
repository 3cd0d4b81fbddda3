using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Governance.Api.GraphQL;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Npgsql;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// The API reading two streaming standbys of the test server (<c>ConnectionStrings:WarehouseReplicas:0</c> and <c>:1</c>,
/// the setup of docs/operations.md): reads alternate between them, each standby's <c>pg_stat_activity</c> shows the API's
/// queries; one stopped, the other and the primary answer every request; started again, it is read again.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class TwoStandbysTests
{
    private const string Query = """{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024", to: "2024") { nodes { areaCode value } } }""";
    private const string First = "replica 1";
    private const string Second = "replica 2";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private static readonly string Expected = Rows((T1, Incomes[(A, 2024)] + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsAlternateBetweenTheTwoStandbysAndEachRunsTheApisQueries()
    {
        var (one, two) = (await StreamingStandby.RequireAsync(1), await StreamingStandby.RequireAsync(2));
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await Task.WhenAll(one.WaitReplayedAsync(), two.WaitReplayedAsync());
        await using var api = Api(warehouse, one, two);
        var client = api.CreateClient();
        await ReadsFromAsync(client, First);
        await ReadsFromAsync(client, Second);

        // One request after another: the two standbys in turn, the same answer from each.
        var answers = new List<(string Server, string Rows)>();
        for (var i = 0; i < 20; i++)
        {
            answers.Add(await AnswerAsync(client, $"query Turn{i} {Query}"));
        }

        Assert.Equal((10, 10), (answers.Count(a => a.Server == First), answers.Count(a => a.Server == Second)));
        Assert.All(answers, a => Assert.Equal(Expected, a.Rows));
        var database = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database!;
        var seen = await SeenOnBothAsync(client, one, two, database);
        Assert.True(seen.One && seen.Two, $"pg_stat_activity showed the API reading fct_indicator_value on standby 1: {seen.One}, on standby 2: {seen.Two}");
    }

    [Fact]
    public async Task OneStandbyStoppedLeavesTheOtherAndThePrimaryAnsweringEveryRequestAndItIsReadAgainOnceBack()
    {
        var (one, two) = (await StreamingStandby.RequireAsync(1), await StreamingStandby.RequireAsync(2));
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await Task.WhenAll(one.WaitReplayedAsync(), two.WaitReplayedAsync());
        await using var api = Api(warehouse, one, two);
        var client = api.CreateClient();
        await ReadsFromAsync(client, First);
        await ReadsFromAsync(client, Second);

        var answers = new ConcurrentQueue<(HttpStatusCode Status, string Server, string Rows, TimeSpan Sent)>();
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var traffic = Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var sent = clock.Elapsed;
                    using var response = await client.SendQueryAsync(Query);
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    answers.Enqueue((response.StatusCode, ServerOf(response), response.IsSuccessStatusCode ? RowsOf(body) : body, sent));
                }
            },
            Ct)).ToArray();
        TimeSpan stopped, restarted;
        try
        {
            await Task.Delay(1000, Ct);
            await one.StopAsync();
            stopped = clock.Elapsed;
            await Task.Delay(3000, Ct);
            await one.StartAsync();
            restarted = clock.Elapsed;
            while (!answers.Any(a => a.Sent > restarted && a.Server == First))
            {
                Assert.True(clock.Elapsed - restarted < Bound, $"no read went to standby 1 {Bound.TotalSeconds} s after it started again");
                await Task.Delay(100, Ct);
            }

            await Task.Delay(500, Ct);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(traffic);
            await one.StartAsync();
        }

        var all = answers.ToArray();
        var wrong = all.Where(a => a.Status != HttpStatusCode.OK || a.Rows != Expected).ToArray();
        Assert.True(wrong.Length == 0, $"{wrong.Length} of {all.Length} requests did not answer 200 with the data, e.g. {wrong.FirstOrDefault()}");

        // Sent while standby 1 was down (a second after its stop, when the monitor has seen it): standby 2 and the primary only.
        var whileDown = all.Where(a => a.Sent > stopped + TimeSpan.FromSeconds(1) && a.Sent < restarted).Select(a => a.Server).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Contains(Second, whileDown);
        Assert.DoesNotContain(First, whileDown);
        Assert.All(whileDown, server => Assert.Contains(server, new[] { Second, "primary" }));
        Assert.Contains(all, a => a.Sent > restarted && a.Server == Second);
    }

    /// <summary>Samples both standbys' pg_stat_activity while the API answers requests named each once (so the cache does not answer them).</summary>
    private static async Task<(bool One, bool Two)> SeenOnBothAsync(HttpClient client, StreamingStandby one, StreamingStandby two, string database)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var traffic = Task.Run(
            async () =>
            {
                for (var i = 0; i < 200 && !stop.IsCancellationRequested; i++)
                {
                    Assert.Equal(Expected, (await AnswerAsync(client, $"query Sample{i} {Query}")).Rows);
                }
            },
            Ct);
        var (seenOne, seenTwo) = (false, false);
        while (!traffic.IsCompleted && !(seenOne && seenTwo))
        {
            seenOne = seenOne || (await one.SessionQueriesAsync(database)).Any(q => q.Contains("fct_indicator_value", StringComparison.Ordinal));
            seenTwo = seenTwo || (await two.SessionQueriesAsync(database)).Any(q => q.Contains("fct_indicator_value", StringComparison.Ordinal));
        }

        await stop.CancelAsync();
        await traffic;
        return (seenOne, seenTwo);
    }

    private static GovernanceApiFactory Api(TestWarehouse warehouse, StreamingStandby one, StreamingStandby two)
    {
        var database = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database!;
        return new(warehouse, new Dictionary<string, string?>
        {
            ["ConnectionStrings:WarehouseReplicas:0"] = one.Database(database),
            ["ConnectionStrings:WarehouseReplicas:1"] = two.Database(database),
            ["Api:Limits:RequestsPerMinute"] = "0", // the test's clients send thousands a minute
        });
    }

    private static async Task ReadsFromAsync(HttpClient client, string server)
    {
        var clock = Stopwatch.StartNew();
        while ((await AnswerAsync(client, Query)).Server != server)
        {
            Assert.True(clock.Elapsed < Bound, $"no request was answered by {server} within {Bound.TotalSeconds} s");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<(string Server, string Rows)> AnswerAsync(HttpClient client, string query)
    {
        using var response = await client.SendQueryAsync(query);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return (ServerOf(response), RowsOf(body));
    }

    private static string ServerOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues(GraphQLEndpoint.ReadServerHeader, out var values) ? values.Single() : "(no header)";

    private static string RowsOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return Rows([.. json.RootElement.GetProperty("data").GetProperty("observations").GetProperty("nodes").EnumerateArray()
            .Select(n => (n.GetProperty("areaCode").GetString()!, n.GetProperty("value").GetDecimal()))]);
    }

    private static string Rows(params (string Area, decimal Value)[] rows) =>
        string.Join("; ", rows.Select(r => $"{r.Area} {r.Value.ToString(CultureInfo.InvariantCulture)}"));
}
