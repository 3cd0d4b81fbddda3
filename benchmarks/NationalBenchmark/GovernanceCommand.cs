using System.Diagnostics;
using System.Text;
using Governance.ApiBenchmark;

namespace Governance.NationalBenchmark;

/// <summary>Runs the real <c>governance</c> loader (src/Etl, Release) as a child process, as an operator does.</summary>
internal static class GovernanceCommand
{
    public static async Task<CommandRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var info = Processes.Start(Processes.Program("Etl"), environment, arguments);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // VmHWM is gone once the process has exited: read it while it runs (the last reading is within 200 ms of the end).
        double? peak = null;
        while (!process.WaitForExit(200))
        {
            peak = Processes.PeakResidentMegabytes(process.Id) ?? peak;
        }

        await process.WaitForExitAsync();
        clock.Stop();
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"governance {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{string.Join('\n', lines.TakeLast(20))}");
        }

        return new CommandRun(clock.Elapsed, peak, lines);
    }

    /// <summary>Whether this build has roll-ups (a <c>governance rollups</c> command).</summary>
    public static async Task<bool> HasRollupsAsync(IReadOnlyDictionary<string, string> environment)
    {
        try
        {
            await RunAsync(environment, "rollups", "--help");
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
