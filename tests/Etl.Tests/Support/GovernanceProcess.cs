using System.Diagnostics;
using Governance.TestSupport;

namespace Governance.Etl.Tests.Support;

/// <summary>The <c>governance</c> command as a real child process on a test warehouse: its exit code, standard output and standard error.</summary>
public static class GovernanceProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(TestWarehouse warehouse, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Governance.Etl.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in warehouse.Configuration)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
