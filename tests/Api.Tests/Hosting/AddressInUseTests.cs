using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Governance.Api.Hosting;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Hosting;

/// <summary>
/// The API started as a real process (<c>dotnet Governance.Api.dll</c>) on a port another program holds: it stops at
/// once with exit code 2 and one line on stderr naming the port and how to choose another, without a stack trace.
/// </summary>
public sealed class AddressInUseTests
{
    [Fact]
    public async Task APortInUseStopsTheApiWithOneLineNamingThePortAndTheSettingAndExitCode2()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Governance.Api.dll"), "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Demo__LoadOnFirstRun"] = "false";
        start.Environment["Warehouse__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Warehouse"] = warehouse.ConnectionString;
        using var api = Process.Start(start)!;
        var stdout = api.StandardOutput.ReadToEndAsync(ct);
        var stderr = api.StandardError.ReadToEndAsync(ct);
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            timeout.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await api.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                api.Kill(entireProcessTree: true);
                throw;
            }
        }

        var output = await stdout + await stderr;
        Assert.Equal(AddressInUse.ExitCode, api.ExitCode);
        var expected = $"Port {port} is already in use (http://127.0.0.1:{port}): another program listens there. Stop it, or start the API on another port "
            + "with --urls (dotnet run --project src/Api -- --urls http://localhost:5080); without the launch profile, ASPNETCORE_URLS or the setting Urls.";
        Assert.Equal(expected, (await stderr).TrimEnd());
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }
}
