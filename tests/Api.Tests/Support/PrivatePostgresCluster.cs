using System.Diagnostics;
using System.Globalization;
using Governance.TestSupport;

namespace Governance.Api.Tests.Support;

/// <summary>
/// A PostgreSQL cluster of the test's own in a temporary folder (scripts/postgres-cluster.sh: initdb as a non-root user,
/// 127.0.0.1 only), so that the test may stop it and start it again. Without PostgreSQL binaries the test is skipped
/// with the reason, unless <c>GOVERNANCE_REQUIRE_POSTGRES=1</c> (CI), where that fails it.
/// </summary>
public sealed class PrivatePostgresCluster : IAsyncDisposable
{
    private readonly DirectoryInfo _folder;
    private readonly int _firstPort;

    private PrivatePostgresCluster(DirectoryInfo folder, int firstPort)
    {
        _folder = folder;
        _firstPort = firstPort;
    }

    /// <summary>The server's connection string (database <c>postgres</c>), fixed at the first start.</summary>
    public string Server { get; private set; } = string.Empty;

    public static async Task<PrivatePostgresCluster> StartAsync()
    {
        RequireBinaries();
        var cluster = new PrivatePostgresCluster(Directory.CreateTempSubdirectory("gov-pg-"), 20000 + Random.Shared.Next(20000));
        await cluster.RunScriptAsync("start");
        cluster.Server = $"Host=127.0.0.1;Port={cluster.Port()};Username=postgres;Password=postgres;Database=postgres";
        return cluster;
    }

    /// <summary><c>pg_ctl stop -m fast</c>: sessions are ended and new connections refused.</summary>
    public Task StopAsync() => RunScriptAsync("stop");

    /// <summary>Starts the stopped server again, on the same port.</summary>
    public async Task StartAgainAsync()
    {
        await RunScriptAsync("start");
        Assert.Equal(Server, $"Host=127.0.0.1;Port={Port()};Username=postgres;Password=postgres;Database=postgres");
    }

    public async ValueTask DisposeAsync()
    {
        await RunScriptAsync("stop");
        _folder.Delete(recursive: true);
    }

    private int Port() => int.Parse(File.ReadAllText(Path.Combine(_folder.FullName, "port")).Trim(), CultureInfo.InvariantCulture);

    private static void RequireBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            && Directory.GetDirectories("/usr/lib/postgresql").Any(d => File.Exists(Path.Combine(d, "bin", "initdb")) && File.Exists(Path.Combine(d, "bin", "pg_ctl")));
        if (installed)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("GOVERNANCE_REQUIRE_POSTGRES=1 but the PostgreSQL server binaries (initdb, pg_ctl) are not installed: run scripts/postgres-cluster.sh install.");
        }

        Assert.Skip("Database restart test skipped: the PostgreSQL server binaries (initdb, pg_ctl) are not installed; scripts/postgres-cluster.sh install adds them.");
    }

    private async Task RunScriptAsync(string command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Repository.PathOf("scripts", "postgres-cluster.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(_folder.FullName);
        start.Environment["GOVERNANCE_PG_FIRST_PORT"] = _firstPort.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"postgres-cluster.sh {command} exited with {process.ExitCode}: {await output}{await errors}");
    }
}
