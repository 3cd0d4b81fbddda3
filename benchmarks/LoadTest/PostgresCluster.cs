using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Governance.LoadTest;

/// <summary>
/// A private PostgreSQL primary and its streaming standbys for the replica scenarios, made by scripts/postgres-cluster.sh
/// (initdb as a non-root user, 127.0.0.1 only; each standby by pg_basebackup -R with a slot) under one folder, so that
/// other databases' writes do not reach the standbys and a standby may be stopped and started again.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _folder;
    private readonly List<string> _standbys = [];

    private PostgresCluster(string folder)
    {
        _folder = folder;
    }

    /// <summary>The primary (database postgres).</summary>
    public string Server { get; private set; } = string.Empty;

    public static async Task<PostgresCluster> StartAsync(string folder)
    {
        var cluster = new PostgresCluster(folder);
        await Script("start", Path.Combine(folder, "primary"));
        cluster.Server = Connection(Path.Combine(folder, "primary"));
        return cluster;
    }

    /// <summary>Makes (first time) and starts standby <paramref name="number"/>; returns its server connection string.</summary>
    public async Task<string> StandbyAsync(int number)
    {
        var folder = StandbyFolder(number);
        await Script("standby", Path.Combine(_folder, "primary"), folder, $"{number}");
        if (!_standbys.Contains(folder))
        {
            _standbys.Add(folder);
        }

        return Connection(folder);
    }

    public Task StopStandbyAsync(int number) => Script("stop", StandbyFolder(number));

    /// <summary>Stops standby <paramref name="number"/> if made, deletes its data and drops the primary's slots no standby uses, so the primary runs without it.</summary>
    public async Task RemoveStandbyAsync(int number)
    {
        var folder = StandbyFolder(number);
        if (Directory.Exists(Path.Combine(folder, "data")))
        {
            await Script("stop", folder);
            Directory.Delete(Path.Combine(folder, "data"), recursive: true);
            _standbys.Remove(folder);
        }

        await ExecuteAsync(Server, "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE NOT active");
    }

    /// <summary>The process id of the primary's postmaster (the first line of postmaster.pid).</summary>
    public int PrimaryProcessId() => ProcessId(Path.Combine(_folder, "primary"));

    /// <summary>The process id of standby <paramref name="number"/>'s postmaster.</summary>
    public int StandbyProcessId(int number) => ProcessId(StandbyFolder(number));

    /// <summary>Waits until every running standby has replayed all the primary has written (at most two minutes).</summary>
    public async Task WaitReplayedAsync()
    {
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync<long>(Server, "SELECT count(*) FROM pg_stat_replication WHERE replay_lsn IS DISTINCT FROM pg_current_wal_lsn()") > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(2))
            {
                throw new TimeoutException("The standbys did not catch up with the primary within two minutes.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The standbys streaming now and each one's replay lag in seconds (pg_stat_replication on the primary).</summary>
    public async Task<Dictionary<string, double>> ReplayLagsAsync()
    {
        var lags = new Dictionary<string, double>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT coalesce(s.slot_name, r.application_name), coalesce(extract(epoch FROM r.replay_lag), 0)::float8 FROM pg_stat_replication AS r LEFT JOIN pg_replication_slots AS s ON s.active_pid = r.pid", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lags[reader.GetString(0)] = reader.GetDouble(1);
        }

        return lags;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var standby in _standbys)
        {
            await Script("stop", standby);
        }

        await Script("stop", Path.Combine(_folder, "primary"));
    }

    public static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<T> ScalarAsync<T>(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private string StandbyFolder(int number) => Path.Combine(_folder, $"standby{number}");

    private static int ProcessId(string folder) =>
        int.Parse(File.ReadLines(Path.Combine(folder, "data", "postmaster.pid")).First().Trim(), CultureInfo.InvariantCulture);

    private static string Connection(string folder)
    {
        var port = int.Parse(File.ReadAllText(Path.Combine(folder, "port")).Trim(), CultureInfo.InvariantCulture);
        return $"Host=127.0.0.1;Port={port};Username=postgres;Password=postgres;Database=postgres;Timeout=30";
    }

    private static async Task Script(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(Governance.ApiBenchmark.Processes.RepositoryRoot(), "scripts", "postgres-cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GOVERNANCE_PG_FIRST_PORT"] = "56432";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres-cluster.sh {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
