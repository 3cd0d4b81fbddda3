using System.Diagnostics;

namespace Governance.EtlBenchmark;

/// <summary>The <c>sqlite3</c> command-line shell, fed commands on standard input; any error output fails the run.</summary>
internal static class SqliteShell
{
    /// <summary>Runs the commands against the database and returns what the shell printed.</summary>
    public static async Task<string> RunAsync(string database, params string[] commands)
    {
        var start = new ProcessStartInfo("sqlite3", database) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("sqlite3 did not start; install the sqlite3 shell.");
        foreach (var command in commands)
        {
            await process.StandardInput.WriteLineAsync(command);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || errors.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 {database} failed: {errors}");
        }

        return await output;
    }
}
