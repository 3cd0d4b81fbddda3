using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.ApiBenchmark;
using Npgsql;

namespace Governance.LoadTest;

/// <summary>
/// The read-replica scenarios (docs/operations.md), one after another on one warehouse of a private PostgreSQL primary
/// with two streaming standbys: wrk drives the dashboard queries while the ETL loads into the primary, with no standby,
/// one, one stopped half-way, two, two with one stopped half-way, and two API instances behind nginx. Each prints
/// requests/s, p50/p95/p99, non-2xx and 5xx answers, who answered, the standbys' largest replay lag, the ETL's loads,
/// and whether every answer equalled one instance's reading the primary alone.
/// </summary>
internal static class ReplicaScenarios
{
    private static readonly string[] Servers = ["standby1", "standby2", "primary"];

    private static readonly Scenario[] All =
    [
        new("primary only", Standbys: 0, StopHalfWay: false, Instances: 1),
        new("one standby", Standbys: 1, StopHalfWay: false, Instances: 1),
        new("one standby, stopped half-way", Standbys: 1, StopHalfWay: true, Instances: 1),
        new("two standbys", Standbys: 2, StopHalfWay: false, Instances: 1),
        new("two standbys, one stopped half-way", Standbys: 2, StopHalfWay: true, Instances: 1),
        new("two API instances behind nginx, two standbys", Standbys: 2, StopHalfWay: false, Instances: 2),
    ];

    /// <summary>Runs the scenarios numbered in <paramref name="chosen"/> (1-6, in the order of the table) and prints their table.</summary>
    public static async Task RunAsync(int villages, int seconds, int connections, int[] chosen)
    {
        if (chosen.Any(n => n < 1 || n > All.Length))
        {
            Console.Error.WriteLine($"Scenarios are numbered 1-{All.Length}: {string.Join(", ", All.Select((s, i) => $"{i + 1} {s.Name}"))}.");
            Environment.ExitCode = 2;
            return;
        }

        var work = Path.Combine(Processes.RepositoryRoot(), "benchmarks", "out", $"replicas-{villages}");
        await StopLeftoversAsync(work);
        Directory.CreateDirectory(work);
        await using var cluster = await PostgresCluster.StartAsync(Path.Combine(work, "pg"));
        const string Database = "governance_replicas";
        await PostgresCluster.ExecuteAsync(cluster.Server, $"CREATE DATABASE {Database}");
        var warehouse = new Dictionary<string, string>
        {
            ["Warehouse__Provider"] = "Postgres",
            ["ConnectionStrings__Warehouse"] = new NpgsqlConnectionStringBuilder(cluster.Server) { Database = Database }.ConnectionString,
            ["Demo__LoadOnFirstRun"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        Console.WriteLine($"Building a PostgreSQL warehouse of {villages:N0} villages, 2020-2024, on a private primary ...");
        var (areasFile, valuesFile, rows) = ProvinceGenerator.Write(Path.Combine(work, "base"), villages, 2020, 2024, seed: 42);
        var etl = Processes.Program("Etl");
        await Processes.RunAsync(etl, warehouse, "migrate");
        await Processes.RunAsync(etl, warehouse, "areas", areasFile);
        await Processes.RunAsync(etl, warehouse, "load", valuesFile);
        var standbys = new[] { await cluster.StandbyAsync(1), await cluster.StandbyAsync(2) }
            .Select(s => new NpgsqlConnectionStringBuilder(s) { Database = Database }.ConnectionString).ToArray();
        await cluster.WaitReplayedAsync();
        Console.WriteLine($"  {rows:N0} values loaded; two standbys made by pg_basebackup -R and streaming");

        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        IReadOnlyList<string> queries;
        Dictionary<string, string> reference;
        await using (var alone = ApiProcess.Start(warehouse, Path.Combine(work, "api-reference.log"), ApiSettings([])))
        {
            await alone.WaitHealthyAsync(http);
            var counties = (await DataAsync(http, alone.Address, DashboardQueries.Counties))["areas"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
            queries = DashboardQueries.For(counties);
            reference = await AnswerCheck.ReferenceAsync(http, alone.Address, queries);
        }

        var lines = new List<string>();
        foreach (var i in chosen.Select(n => n - 1))
        {
            var scenario = All[i];
            Console.WriteLine($"Scenario {i + 1} of {All.Length}: {scenario.Name}; {connections} connections for {seconds} s while the ETL loads ...");
            foreach (var number in new[] { 1, 2 })
            {
                await cluster.StandbyAsync(number); // started again if a scenario stopped it
            }

            await cluster.WaitReplayedAsync();
            var result = await RunAsync(scenario, i, cluster, warehouse, standbys[..scenario.Standbys], queries, reference, seconds, connections, villages, work, http);
            lines.Add(result);
            Console.WriteLine(result);
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"{villages:N0} villages ({rows:N0} values 2020-2024), {queries.Count} dashboard queries, wrk -c {connections} -d {seconds}s, ETL loading 2005-2018 meanwhile"));
        Console.WriteLine("| scenario | requests | requests/s | p50 | p95 | p99 | non-2xx | 5xx | socket errors | answered by | answers unlike one instance's on the primary | largest replay lag | ETL meanwhile | API log: answered again by the primary / error lines / /health error lines |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        lines.ForEach(Console.WriteLine);
        Console.WriteLine($"logs: {work}");
    }

    private static async Task<string> RunAsync(
        Scenario scenario, int index, PostgresCluster cluster, Dictionary<string, string> warehouse, string[] standbys, IReadOnlyList<string> queries,
        Dictionary<string, string> reference, int seconds, int connections, int villages, string work, HttpClient http)
    {
        var apis = new List<ApiProcess>();
        NginxProcess? nginx = null;
        try
        {
            for (var n = 0; n < scenario.Instances; n++)
            {
                var api = ApiProcess.Start(warehouse, Path.Combine(work, $"api-{index + 1}-{n + 1}.log"), ApiSettings(standbys));
                apis.Add(api);
                await api.WaitHealthyAsync(http);
            }

            if (scenario.Instances > 1)
            {
                nginx = await NginxProcess.StartAsync(apis.Select(a => a.Address), Path.Combine(work, $"nginx-{index + 1}"));
            }

            var address = nginx?.Address ?? apis[0].Address;
            foreach (var query in queries.Take(6))
            {
                await DataAsync(http, address, query);
            }

            using var stop = new CancellationTokenSource();
            var etlRun = EtlWriter.RunAsync(warehouse, work, villages, Path.Combine(work, $"etl-{index + 1}.log"), stop.Token, firstSeed: 100 + (100 * index), toYear: 2018);
            var lags = SampleLagsAsync(cluster, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var stopHalfWay = scenario.StopHalfWay
                ? Task.Delay(TimeSpan.FromSeconds(seconds / 2.0)).ContinueWith(_ => cluster.StopStandbyAsync(1), TaskScheduler.Default).Unwrap()
                : Task.CompletedTask;
            var figures = await Wrk.RunAsync(address, connections, seconds, queries, work);
            await stopHalfWay;
            await stop.CancelAsync();
            var written = await etlRun;
            var largestLag = await lags;
            var answers = await AnswerCheck.CompareAsync(http, address, reference, times: scenario.Instances * 2);
            foreach (var api in apis)
            {
                await api.DisposeAsync();
            }

            var (errors, health, again) = (apis.Sum(a => a.ErrorLines()), apis.Sum(a => a.HealthErrorLines()), apis.Sum(a => a.AnsweredAgain()));
            return Invariant($"| {scenario.Name} | {figures.Requests:N0} | {figures.RequestsPerSecond:N1} | {figures.P50:N0} ms | {figures.P95:N0} ms | {figures.P99:N0} ms | {figures.Non2xx:N0}{(figures.Non2xx == 0 ? string.Empty : " (" + string.Join(", ", figures.StatusCodes.Select(c => Invariant($"{c.Key}: {c.Value:N0}"))) + ")")} | {figures.ServerErrors:N0} | {figures.SocketErrors:N0} | {Who(figures)} | {answers.Differing} of {answers.Asked} | {(standbys.Length == 0 ? "-" : largestLag.ToString("N2", CultureInfo.InvariantCulture) + " s")} | {written.Loads} loads ({written.Failed} failed), {written.Rows:N0} values | {again} / {errors} / {health} |");
        }
        finally
        {
            nginx?.Dispose();
            foreach (var api in apis)
            {
                await api.DisposeAsync();
            }
        }
    }

    /// <summary>The API's settings: the standbys to read; no limits per caller (one client address sends everything), nginx a known proxy.</summary>
    private static Dictionary<string, string> ApiSettings(string[] standbys)
    {
        var settings = new Dictionary<string, string>
        {
            ["Api__Limits__RequestsPerMinute"] = "0",
            ["Api__Limits__ConcurrentRequestsPerCaller"] = "0",
            ["Api__ForwardedHeaders__KnownProxies"] = "127.0.0.1",
        };
        for (var i = 0; i < standbys.Length; i++)
        {
            settings[$"ConnectionStrings__WarehouseReplicas__{i}"] = standbys[i];
        }

        return settings;
    }

    /// <summary>The largest replay lag any standby showed (pg_stat_replication, each second) until stopped.</summary>
    private static async Task<double> SampleLagsAsync(PostgresCluster cluster, CancellationToken stop)
    {
        var largest = 0.0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                largest = Math.Max(largest, (await cluster.ReplayLagsAsync()).Values.DefaultIfEmpty(0).Max());
                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return largest;
    }

    private static string Who(WrkFigures figures)
    {
        var servers = string.Join(", ", figures.Servers.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Invariant($"{s.Key} {s.Value:N0}")));
        var upstreams = figures.Upstreams.Count == 0 ? string.Empty
            : "; instances " + string.Join(", ", figures.Upstreams.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Invariant($"{s.Value:N0}")));
        return servers + upstreams;
    }

    /// <summary>A run stopped half-way leaves its servers running: stop them before the folder is made afresh.</summary>
    private static async Task StopLeftoversAsync(string work)
    {
        var pg = Path.Combine(work, "pg");
        foreach (var folder in Servers.Select(f => Path.Combine(pg, f)).Where(Directory.Exists))
        {
            var script = System.Diagnostics.Process.Start("bash", [Path.Combine(Processes.RepositoryRoot(), "scripts", "postgres-cluster.sh"), "stop", folder]);
            await script.WaitForExitAsync();
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<JsonNode> DataAsync(HttpClient http, Uri api, string query)
    {
        using var response = await http.PostAsJsonAsync(new Uri(api, "/graphql"), new { query });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return response.IsSuccessStatusCode && body?["errors"] is null && body?["data"] is { } data
            ? data
            : throw new InvalidOperationException($"The API answered {(int)response.StatusCode}: {body}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Scenario(string Name, int Standbys, bool StopHalfWay, int Instances);
}
