using System.Diagnostics;
using Governance.ApiBenchmark;

namespace Governance.LoadTest;

/// <summary>
/// The ETL writing while the API is read: loads one generated file after another (villages' incomes and communities'
/// compounds for 2005-2019 (or up to another year), each file with new values, so later loads restate earlier ones) until stopped; the load
/// under way when the stop comes is finished, not killed.
/// </summary>
internal static class EtlWriter
{
    public static async Task<EtlFigures> RunAsync(IReadOnlyDictionary<string, string> warehouse, string work, int villages, string logFile, CancellationToken stop, int firstSeed = 100, int toYear = 2019)
    {
        var etl = Processes.Program("Etl");
        await using var log = new StreamWriter(logFile);
        var figures = new EtlFigures();
        for (var file = 0; !stop.IsCancellationRequested; file++)
        {
            var (_, values, rows) = ProvinceGenerator.Write(Path.Combine(work, $"etl-{file}"), villages, 2005, toYear, seed: firstSeed + file);
            var clock = Stopwatch.StartNew();
            var exitCode = await RunAsync(etl, warehouse, log, "load", values);
            figures.Add(rows, clock.Elapsed, exitCode == 0);
        }

        return figures;
    }

    private static async Task<int> RunAsync(string dll, IReadOnlyDictionary<string, string> environment, StreamWriter log, params string[] arguments)
    {
        var start = Processes.Start(dll, environment, arguments);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await log.WriteLineAsync($"governance {string.Join(' ', arguments)} -> exit {process.ExitCode}");
        await log.WriteLineAsync(await output);
        await log.WriteLineAsync(await errors);
        return process.ExitCode;
    }
}
