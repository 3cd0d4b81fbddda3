using System.Diagnostics;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Etl.Tests.Commands;

/// <summary>The CLI, run as a real process, on a warehouse nobody migrated: a message and an exit code of the table, never a stack trace.</summary>
public sealed class UnmigratedWarehouseTests
{
    [Fact]
    public async Task ANewSqliteFileIsMigratedByTheFirstCommand()
    {
        using var folder = new TempFolder();
        var file = folder.File("fresh.db");

        var run = await RunAsync(folder, new() { ["ConnectionStrings__Warehouse"] = $"Data Source={file};Pooling=False" }, "batches");

        Assert.Equal((0, "No loads yet."), (run.ExitCode, run.Output.Trim()));
        Assert.Contains("Migrating the Sqlite warehouse", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("WRN", run.Errors, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var count = new SqliteCommand("SELECT count(*) FROM dim_indicator", connection);
        Assert.Equal(47L, await count.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AMissingPostgresDatabaseSaysToRunMigrateWithExitCodeTwo()
    {
        var database = $"governance_unmigrated_{Guid.NewGuid():N}";
        using var folder = new TempFolder();

        var run = await RunAsync(folder, Postgres(TestWarehouse.WithDatabase(TestWarehouse.PostgresServer(), database)), "batches");

        Assert.Equal(
            (2, $"The Postgres warehouse '{database}' is not migrated (14 pending migrations, the last 20261203130419_RankingRollups): run `governance migrate` as the tables' owner, then this command again."),
            (run.ExitCode, run.Errors.Trim()));
        Assert.Equal("", run.Output);
        await using var server = new NpgsqlConnection(TestWarehouse.PostgresServer());
        await server.OpenAsync(TestContext.Current.CancellationToken);
        await using var exists = new NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{database}'", server);
        Assert.Equal(0L, await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken)); // nothing was created
    }

    [Fact]
    public async Task AServerThatCannotBeReachedIsOneLineAndExitCodeThree()
    {
        using var folder = new TempFolder();
        var port = FreePort();

        var run = await RunAsync(folder, Postgres($"Host=127.0.0.1;Port={port};Username=nobody;Password=x;Database=governance;Timeout=3"), "batches");

        var lines = run.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith($"Failed: NpgsqlException: Failed to connect to 127.0.0.1:{port} (details in ", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
        var log = lines[^1][(lines[^1].IndexOf("details in ", StringComparison.Ordinal) + "details in ".Length)..^2];
        Assert.Contains("governance batches", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        File.Delete(log);
    }

    private static Dictionary<string, string> Postgres(string connectionString) => new()
    {
        ["Warehouse__Provider"] = "Postgres",
        ["ConnectionStrings__Warehouse"] = connectionString,
    };

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(TempFolder folder, Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Etl.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await errors);
    }
}
