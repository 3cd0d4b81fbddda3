using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Governance.Api.GraphQL;
using Governance.Api.Tests.Support;
using Governance.Etl.Loading;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// The API reading a streaming hot standby (<c>ConnectionStrings:WarehouseReplicas</c>) of the test server: reads reach
/// it and answer as the primary does; a load becomes visible once replayed; a standby stopped, or held behind past
/// <c>Warehouse:MaxReplicaLagSeconds</c>, is skipped (every request still answered, by the primary) and used again once
/// back. The tests stop and pause the one standby, so they run alone.
/// </summary>
[Collection(nameof(TimingSensitive))]
public sealed class ReadReplicaTests
{
    private const string Query = """{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, from: "2024", to: "2024") { nodes { areaCode value } } }""";
    private const string Replica = "replica 1";
    private const string PrimaryServer = "primary";

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>T1 = A + B, T2 = C, for 2024, from <see cref="TwoTownships.Incomes"/>.</summary>
    private static readonly string Expected = Rows((T1, Incomes[(A, 2024)] + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsReachTheStandbyAndAnswerAsThePrimary()
    {
        var standby = await StreamingStandby.RequireAsync();
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await standby.WaitReplayedAsync();
        await using var replicated = Api(warehouse, standby);
        await using var primaryOnly = new GovernanceApiFactory(warehouse);
        var client = replicated.CreateClient();

        await ReadsFromAsync(client, Replica);
        var fromReplica = await AnswerAsync(client);
        var fromPrimary = await AnswerAsync(primaryOnly.CreateClient());

        Assert.Equal((Replica, Expected), (fromReplica.Server, fromReplica.Rows));
        Assert.Equal((PrimaryServer, Expected), (fromPrimary.Server, fromPrimary.Rows));
        Assert.Equal(fromPrimary.Version, fromReplica.Version);
        Assert.True(await SeenOnStandbyAsync(client, standby, Database(warehouse)), "pg_stat_activity on the standby never showed the API reading fct_indicator_value while it answered 50 requests");
    }

    [Fact]
    public async Task ALoadOnThePrimaryIsAnsweredOnceTheStandbyHasReplayedItAndNoOlderAnswerAfter()
    {
        var standby = await StreamingStandby.RequireAsync();
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await standby.WaitReplayedAsync();
        await using var api = Api(warehouse, standby, maxLagSeconds: 3600);
        var client = api.CreateClient();
        await ReadsFromAsync(client, Replica);
        var before = await AnswerAsync(client);

        await standby.PauseReplayAsync();
        try
        {
            var batch = await RestateAsync(warehouse, 40);
            var held = await AnswerAsync(client);
            Assert.Equal((Replica, before.Version, Expected, "null"), (held.Server, held.Version, held.Rows, await BatchStatusAsync(client, batch)));

            await standby.ResumeReplayAsync();
            var restated = Rows((T1, 40 + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]));
            var clock = Stopwatch.StartNew();
            Answer after;
            while ((after = await AnswerAsync(client)).Version == before.Version)
            {
                Assert.Equal(Expected, after.Rows);
                Assert.True(clock.Elapsed < Bound, $"the API still answers version {before.Version} {Bound.TotalSeconds} s after replay resumed");
                await Task.Delay(50, Ct);
            }

            Assert.Equal((Replica, before.Version + 1, restated, "\"LOADED\""), (after.Server, after.Version, after.Rows, await BatchStatusAsync(client, batch)));
            for (var i = 0; i < 20; i++)
            {
                var again = await AnswerAsync(client);
                Assert.Equal((before.Version + 1, restated), (again.Version, again.Rows));
            }
        }
        finally
        {
            await standby.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task AStandbyHeldBehindPastTheLagSettingIsSkippedAndUsedAgainOnceResumed()
    {
        var standby = await StreamingStandby.RequireAsync();
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await standby.WaitReplayedAsync();
        await using var api = Api(warehouse, standby, maxLagSeconds: 2);
        var client = api.CreateClient();
        await ReadsFromAsync(client, Replica);

        await standby.PauseReplayAsync();
        try
        {
            await RestateAsync(warehouse, 40);
            var restated = Rows((T1, 40 + Incomes[(B, 2024)]), (T2, Incomes[(C, 2024)]));
            var clock = Stopwatch.StartNew();
            await ReadsFromAsync(client, PrimaryServer);
            var skippedAfter = clock.Elapsed;
            Assert.True(skippedAfter > TimeSpan.FromSeconds(1), $"the standby was skipped {skippedAfter.TotalSeconds:N1} s after the load, before it lagged 2 s");
            Assert.Equal((PrimaryServer, restated), ((await AnswerAsync(client)).Server, (await AnswerAsync(client)).Rows));

            await standby.ResumeReplayAsync();
            await ReadsFromAsync(client, Replica);
            Assert.Equal(restated, (await AnswerAsync(client)).Rows);
        }
        finally
        {
            await standby.ResumeReplayAsync();
        }
    }

    [Fact]
    public async Task TheStandbyStoppedMidTrafficLeavesEveryRequestAnsweredByThePrimaryAndReadsReturnOnceItIsBack()
    {
        var standby = await StreamingStandby.RequireAsync();
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        await standby.WaitReplayedAsync();
        await using var api = Api(warehouse, standby);
        var client = api.CreateClient();
        await ReadsFromAsync(client, Replica);

        var answers = new ConcurrentQueue<(HttpStatusCode Status, string Server, string Rows, TimeSpan Took)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var traffic = Enumerable.Range(0, 4).Select(_ => Task.Run(
            async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var clock = Stopwatch.StartNew();
                    using var response = await client.SendQueryAsync(Query);
                    var body = await response.Content.ReadAsStringAsync(Ct);
                    answers.Enqueue((response.StatusCode, ServerOf(response), response.IsSuccessStatusCode ? RowsOf(body) : body, clock.Elapsed));
                }
            },
            Ct)).ToArray();
        try
        {
            await Task.Delay(1000, Ct);
            await standby.StopAsync();
            await Task.Delay(3000, Ct);
            var whileStopped = answers.Count;
            await standby.StartAsync();
            var clock = Stopwatch.StartNew();
            while (answers.Skip(whileStopped).All(a => a.Server != Replica))
            {
                Assert.True(clock.Elapsed < Bound, $"no read went to the standby {Bound.TotalSeconds} s after it started again");
                await Task.Delay(100, Ct);
            }

            await Task.Delay(500, Ct);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(traffic);
            await standby.StartAsync();
        }

        var all = answers.ToArray();
        var wrong = all.Where(a => a.Status != HttpStatusCode.OK || a.Rows != Expected).ToArray();
        Assert.True(wrong.Length == 0, $"{wrong.Length} of {all.Length} requests did not answer 200 with the data, e.g. {wrong.FirstOrDefault()}");
        Assert.Contains(all, a => a.Server == PrimaryServer);
        var slowest = all.Max(a => a.Took);
        Assert.True(slowest < TimeSpan.FromSeconds(10), $"the slowest request took {slowest.TotalSeconds:N1} s");
    }

    /// <summary>Samples the standby's pg_stat_activity while the API answers requests: true once a session runs a read of the facts.</summary>
    private static async Task<bool> SeenOnStandbyAsync(HttpClient client, StreamingStandby standby, string database)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var traffic = Task.Run(
            async () =>
            {
                for (var i = 0; i < 50 && !stop.IsCancellationRequested; i++)
                {
                    // A name of its own each time, so the answer cache does not answer it without the database.
                    Assert.Equal(Expected, (await AnswerAsync(client, $"query Q{i} {Query}")).Rows);
                }
            },
            Ct);
        var seen = false;
        while (!traffic.IsCompleted && !seen)
        {
            seen = (await standby.SessionQueriesAsync(database)).Any(q => q.Contains("fct_indicator_value", StringComparison.Ordinal));
        }

        await stop.CancelAsync();
        await traffic;
        return seen;
    }

    /// <summary>The API over the warehouse, reading the standby; the primary answers what the standby cannot.</summary>
    private static GovernanceApiFactory Api(TestWarehouse warehouse, StreamingStandby standby, int maxLagSeconds = WarehouseOptions.DefaultMaxReplicaLagSeconds) =>
        new(warehouse, new Dictionary<string, string?>
        {
            ["ConnectionStrings:WarehouseReplicas:0"] = standby.Database(Database(warehouse)),
            ["Warehouse:MaxReplicaLagSeconds"] = maxLagSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Api:Limits:RequestsPerMinute"] = "0", // the test's clients send thousands a minute (cache hits are fast)
        });

    private static string Database(TestWarehouse warehouse) => new NpgsqlConnectionStringBuilder(warehouse.ConnectionString).Database!;

    /// <summary>Restates village A's 2024 income through the ETL (one committed load: the warehouse version advances by one).</summary>
    private static async Task<long> RestateAsync(TestWarehouse warehouse, decimal value)
    {
        var file = Path.Combine(Path.GetTempPath(), $"restate-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, $"area_code,period,indicator,value\n{A},2024,{Income},{value}\n", Ct);
        try
        {
            var loader = new IndicatorFileLoader(warehouse.Factory, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
            var result = await loader.LoadAsync(file, LoadOptions.Default, Ct);
            Assert.Equal(LoadBatchStatus.Loaded, result.Status);
            return result.LoadBatchId ?? throw new InvalidOperationException("The load wrote no batch row.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Polls until a request is answered by <paramref name="server"/>; fails after <see cref="Bound"/>.</summary>
    private static async Task ReadsFromAsync(HttpClient client, string server)
    {
        var clock = Stopwatch.StartNew();
        while ((await AnswerAsync(client)).Server != server)
        {
            Assert.True(clock.Elapsed < Bound, $"no request was answered by the {server} within {Bound.TotalSeconds} s");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<Answer> AnswerAsync(HttpClient client, string query = Query)
    {
        using var response = await client.SendQueryAsync(query);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var version = response.Headers.TryGetValues(GraphQLEndpoint.ReadVersionHeader, out var values) ? long.Parse(values.Single(), System.Globalization.CultureInfo.InvariantCulture) : -1;
        return new Answer(ServerOf(response), version, RowsOf(body));
    }

    private static async Task<string> BatchStatusAsync(HttpClient client, long batch)
    {
        var data = await client.DataAsync($$"""{ loadBatch(id: "{{batch}}") { status } }""");
        var node = data.GetProperty("loadBatch");
        return node.ValueKind == JsonValueKind.Null ? "null" : node.GetProperty("status").GetRawText();
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
        string.Join("; ", rows.Select(r => $"{r.Area} {r.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"));

    private sealed record Answer(string Server, long Version, string Rows);
}
