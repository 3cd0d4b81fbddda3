using System.Diagnostics;
using Governance.TestSupport;
using Npgsql;

namespace Governance.Api.Tests.Support;

/// <summary>
/// The streaming hot standby of the test server (<c>GOVERNANCE_TEST_POSTGRES</c>) that <c>scripts/postgres-cluster.sh
/// standby</c> started: <c>GOVERNANCE_TEST_POSTGRES_STANDBY</c> (its connection string) and
/// <c>GOVERNANCE_TEST_POSTGRES_STANDBY_DIR</c> (its folder, so a test may stop and start it). Without them the test is
/// skipped with the reason; with <c>GOVERNANCE_REQUIRE_POSTGRES=1</c> (CI) it fails. A second standby of the same server
/// (<c>postgres-cluster.sh standby PRIMARY_DIR DIR 2</c>) is named by <c>GOVERNANCE_TEST_POSTGRES_STANDBY2</c> and
/// <c>GOVERNANCE_TEST_POSTGRES_STANDBY2_DIR</c>.
/// </summary>
public sealed class StreamingStandby
{
    private static readonly TimeSpan ReplayBound = TimeSpan.FromSeconds(30);

    private StreamingStandby(string primary, string server, string folder)
    {
        Primary = primary;
        Server = server;
        Folder = folder;
    }

    /// <summary>The primary server (database <c>postgres</c>).</summary>
    public string Primary { get; }

    /// <summary>The standby server (database <c>postgres</c>).</summary>
    public string Server { get; }

    public string Folder { get; }

    /// <summary>Standby <paramref name="number"/> (1 or 2) of the test server, replaying; a skip or failure naming its variables when there is none.</summary>
    public static async Task<StreamingStandby> RequireAsync(int number = 1)
    {
        var primary = TestWarehouse.PostgresServer();
        var variable = number == 1 ? "GOVERNANCE_TEST_POSTGRES_STANDBY" : $"GOVERNANCE_TEST_POSTGRES_STANDBY{number}";
        var server = Environment.GetEnvironmentVariable(variable);
        var folder = Environment.GetEnvironmentVariable(variable + "_DIR");
        if (string.IsNullOrWhiteSpace(server) || string.IsNullOrWhiteSpace(folder))
        {
            var reason = $"{variable} and {variable}_DIR name no streaming standby of GOVERNANCE_TEST_POSTGRES (scripts/postgres-cluster.sh standby PRIMARY_DIR DIR{(number == 1 ? string.Empty : $" {number}")} starts one and writes DIR/env)";
            if (Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_POSTGRES") == "1")
            {
                Assert.Fail("GOVERNANCE_REQUIRE_POSTGRES=1 but " + reason + ".");
            }

            Assert.Skip("Read-replica test skipped: " + reason + ".");
        }

        var standby = new StreamingStandby(primary, server, folder);
        await standby.ResumeReplayAsync();
        var sender = await standby.ScalarAsync<int?>("SELECT sender_port FROM pg_stat_wal_receiver");
        var primaryPort = new NpgsqlConnectionStringBuilder(primary).Port;
        Assert.True(sender == primaryPort, $"the standby at {server} streams from port {sender?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, not from GOVERNANCE_TEST_POSTGRES's {primaryPort}");
        return standby;
    }

    /// <summary>The standby's connection string for a database of the primary.</summary>
    public string Database(string database) => TestWarehouse.WithDatabase(Server, database);

    /// <summary>Waits until the standby has replayed all the primary has written so far.</summary>
    public async Task WaitReplayedAsync()
    {
        var target = await ScalarOnAsync<string>(Primary, "SELECT pg_current_wal_lsn()::text");
        var clock = Stopwatch.StartNew();
        while (await ScalarAsync<bool?>($"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn") != true)
        {
            Assert.True(clock.Elapsed < ReplayBound, $"the standby has not replayed up to {target} within {ReplayBound.TotalSeconds} s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    public Task PauseReplayAsync() => ScalarAsync<object>("SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => ScalarAsync<object>("SELECT pg_wal_replay_resume()");

    /// <summary><c>pg_ctl stop -m fast</c>: its sessions end and it refuses connections.</summary>
    public Task StopAsync() => RunScriptAsync("stop", Folder);

    /// <summary>Starts it again (same folder, same port); it catches up from its slot.</summary>
    public Task StartAsync() => RunScriptAsync("standby", File.ReadAllText(Path.Combine(Folder, "primary")).Trim(), Folder);

    /// <summary>
    /// The queries of sessions on the standby for <paramref name="database"/> (but the replica monitor's) now: running
    /// (<c>active</c>) or, for a request's snapshot leader, held open (<c>idle in transaction</c>).
    /// </summary>
    public async Task<IReadOnlyList<string>> SessionQueriesAsync(string database)
    {
        await using var connection = new NpgsqlConnection(Server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT query FROM pg_stat_activity WHERE datname = @database AND application_name <> 'governance-replica-monitor' AND state IN ('active', 'idle in transaction')",
            connection);
        command.Parameters.AddWithValue("database", database);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var queries = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            queries.Add(reader.GetString(0));
        }

        return queries;
    }

    public Task<T?> ScalarAsync<T>(string sql) => ScalarOnAsync<T>(Server, sql);

    private static async Task<T?> ScalarOnAsync<T>(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return value is null or DBNull ? default : (T)value;
    }

    private static async Task RunScriptAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.PathOf("scripts", "postgres-cluster.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"postgres-cluster.sh {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
    }
}
