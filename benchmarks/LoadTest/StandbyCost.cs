using System.Diagnostics;
using System.Globalization;
using Governance.ApiBenchmark;
using Npgsql;

namespace Governance.LoadTest;

/// <summary>
/// What a streaming standby costs the primary during a large load (docs/operations.md): the same file loaded by
/// <c>governance load</c> into a fresh database of a private primary with 0, 1 or 2 standbys streaming (in the order
/// given, so runs alternate). Per run: the loader's wall clock, the primary's CPU (all its processes, from /proc; the
/// walsenders' share apart), the WAL written (pg_current_wal_lsn before and after), each standby's replay lag and bytes
/// behind when the load ends and the time until it has replayed everything, the standbys' own CPU, and the load average.
/// </summary>
internal static class StandbyCost
{
    private static readonly string[] Servers = ["standby1", "standby2", "primary"];

    public static async Task RunAsync(string areasFile, string valuesFile, int[] runs)
    {
        foreach (var file in new[] { areasFile, valuesFile }.Where(f => !File.Exists(f)))
        {
            Console.Error.WriteLine($"The file {file} does not exist (write one with benchmarks/EtlBenchmark --engines none --work DIR).");
            Environment.ExitCode = 2;
            return;
        }

        if (runs.Any(n => n is < 0 or > 2))
        {
            Console.Error.WriteLine("The runs are numbers of standbys, 0-2, e.g. 0,1,2,0,1,2.");
            Environment.ExitCode = 2;
            return;
        }

        var work = Path.Combine(Processes.RepositoryRoot(), "benchmarks", "out", "standby-cost");
        await StopLeftoversAsync(work);
        Directory.CreateDirectory(work);
        await using var cluster = await PostgresCluster.StartAsync(Path.Combine(work, "pg"));
        var etl = Processes.Program("Etl");
        var lines = new List<string>();
        for (var run = 0; run < runs.Length; run++)
        {
            var standbys = runs[run];
            for (var number = 1; number <= 2; number++)
            {
                if (number <= standbys)
                {
                    await cluster.StandbyAsync(number);
                }
                else
                {
                    await cluster.RemoveStandbyAsync(number);
                }
            }

            var database = $"governance_cost_{run + 1}";
            await PostgresCluster.ExecuteAsync(cluster.Server, $"DROP DATABASE IF EXISTS governance_cost_{run} WITH (FORCE)");
            await PostgresCluster.ExecuteAsync(cluster.Server, $"CREATE DATABASE {database}");
            var warehouse = new Dictionary<string, string>
            {
                ["Warehouse__Provider"] = "Postgres",
                ["ConnectionStrings__Warehouse"] = new NpgsqlConnectionStringBuilder(cluster.Server) { Database = database }.ConnectionString,
                ["Serilog__MinimumLevel__Default"] = "Warning",
            };
            await Processes.RunAsync(etl, warehouse, "migrate");
            await Processes.RunAsync(etl, warehouse, "areas", areasFile);
            await PostgresCluster.ExecuteAsync(cluster.Server, "CHECKPOINT");
            await cluster.WaitReplayedAsync();
            Console.WriteLine($"Run {run + 1} of {runs.Length}: {standbys} standby(s) streaming; loading {valuesFile} ...");

            var walsenders = await WalsenderProcessIdsAsync(cluster.Server);
            var standbyCpu = Enumerable.Range(1, standbys).Select(n => ServerCpu.Read(cluster.StandbyProcessId(n))).ToArray();
            var walsenderCpu = walsenders.Sum(ServerCpu.OfProcess);
            var (loadBefore, lsnBefore, cpuBefore) = (LoadAverage(), await LsnAsync(cluster.Server), ServerCpu.Read(cluster.PrimaryProcessId()));
            var clock = Stopwatch.StartNew();
            await Processes.RunAsync(etl, warehouse, "load", valuesFile);
            var wall = clock.Elapsed;
            var (cpuAfter, lsnAfter, loadAfter) = (ServerCpu.Read(cluster.PrimaryProcessId()), await LsnAsync(cluster.Server), LoadAverage());
            walsenderCpu = walsenders.Sum(ServerCpu.OfProcess) - walsenderCpu;
            var behind = await BehindAsync(cluster.Server);
            var catchUp = Stopwatch.StartNew();
            await cluster.WaitReplayedAsync();
            var caughtUp = catchUp.Elapsed;
            standbyCpu = Enumerable.Range(1, standbys).Select(n => ServerCpu.Read(cluster.StandbyProcessId(n)) - standbyCpu[n - 1]).ToArray();
            var rows = await PostgresCluster.ScalarAsync<long>(warehouse["ConnectionStrings__Warehouse"], "SELECT count(*) FROM fct_indicator_value");

            var line = Invariant($"| {standbys} | {rows:N0} | {wall.TotalSeconds:N1} s | {cpuAfter - cpuBefore:N1} s | {(standbys == 0 ? "-" : Invariant($"{walsenderCpu:N1} s"))} | {(lsnAfter - lsnBefore) / 1048576.0:N0} MB | {(standbys == 0 ? "-" : string.Join("; ", behind.Select(b => Invariant($"{b.Lag:N3} s, {b.Bytes / 1048576.0:N1} MB"))))} | {(standbys == 0 ? "-" : Invariant($"{caughtUp.TotalSeconds:N1} s"))} | {(standbys == 0 ? "-" : string.Join(" + ", standbyCpu.Select(c => Invariant($"{c:N1} s"))))} | {loadBefore} / {loadAfter} |");
            lines.Add(line);
            Console.WriteLine(line);
        }

        Console.WriteLine();
        Console.WriteLine($"{valuesFile}, loaded by governance load into a fresh database each run (fsync, synchronous_commit and full_page_writes off: scripts/postgres-cluster.sh)");
        Console.WriteLine("| standbys | values in the warehouse | loader wall | primary CPU (all its processes) | of it the walsenders | WAL written | each standby at the load's end: replay lag, bytes behind | until all replayed | standbys' own CPU | load average before / after |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        lines.ForEach(Console.WriteLine);
        Console.WriteLine($"logs: {work}");
    }

    private static async Task<List<int>> WalsenderProcessIdsAsync(string server)
    {
        var pids = new List<int>();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_replication", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    /// <summary>Each streaming standby's replay lag (pg_stat_replication) and the WAL bytes it has still to replay, by application name.</summary>
    private static async Task<List<(double Lag, long Bytes)>> BehindAsync(string server)
    {
        var behind = new List<(double, long)>();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(extract(epoch FROM replay_lag), 0)::float8, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint FROM pg_stat_replication ORDER BY application_name", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            behind.Add((reader.GetDouble(0), reader.GetInt64(1)));
        }

        return behind;
    }

    private static Task<long> LsnAsync(string server) =>
        PostgresCluster.ScalarAsync<long>(server, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(1));

    private static async Task StopLeftoversAsync(string work)
    {
        foreach (var folder in Servers.Select(f => Path.Combine(work, "pg", f)).Where(Directory.Exists))
        {
            using var script = Process.Start("bash", [Path.Combine(Processes.RepositoryRoot(), "scripts", "postgres-cluster.sh"), "stop", folder]);
            await script.WaitForExitAsync();
        }

        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
