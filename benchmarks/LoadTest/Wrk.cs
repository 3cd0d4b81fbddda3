using System.Diagnostics;
using System.Text.Json;

namespace Governance.LoadTest;

/// <summary>Runs wrk (Debian package wrk) with drive.lua against the API and reads the figures it prints last.</summary>
internal static class Wrk
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly string[] Programs = ["/usr/bin/wrk", "/usr/local/bin/wrk"];

    public static async Task<WrkFigures> RunAsync(Uri api, int connections, int seconds, IReadOnlyList<string> queries, string work)
    {
        var wrk = Programs.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException("wrk is not installed: apt-get install wrk.");
        var bodies = Path.Combine(work, "queries.txt");
        await File.WriteAllLinesAsync(bodies, queries.Select(q => JsonSerializer.Serialize(new { query = q })));
        var script = Path.Combine(Governance.ApiBenchmark.Processes.RepositoryRoot(), "benchmarks", "LoadTest", "drive.lua");
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-t", "2", "-c", $"{connections}", "-d", $"{seconds}s", "--timeout", "60s", "-s", script, api.ToString(), "--", bodies })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var text = await output;
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault(l => l.StartsWith('{'));
        if (process.ExitCode != 0 || last is null)
        {
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {text}{await errors}");
        }

        return JsonSerializer.Deserialize<WrkFigures>(last, Web) ?? throw new InvalidOperationException($"wrk printed no figures: {text}");
    }
}
