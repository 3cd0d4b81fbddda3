using System.Diagnostics;
using System.Text.Json;

namespace Governance.LoadTest;

/// <summary>Runs drive.mjs (autocannon, installed from package-lock.json with <c>npm ci</c> when missing) and reads its figures.</summary>
internal static class Autocannon
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public static async Task<LoadFigures> RunAsync(Uri api, int connections, int seconds, IReadOnlyList<string> queries, string work)
    {
        var folder = Path.Combine(Governance.ApiBenchmark.Processes.RepositoryRoot(), "benchmarks", "LoadTest");
        if (!Directory.Exists(Path.Combine(folder, "node_modules", "autocannon")))
        {
            await RunAsync(folder, "npm", "ci", "--no-audit", "--no-fund");
        }

        var bodies = Path.Combine(work, "queries.json");
        await File.WriteAllTextAsync(bodies, JsonSerializer.Serialize(queries));
        var output = await RunAsync(folder, "node", "drive.mjs", api.ToString(), $"{connections}", $"{seconds}", bodies);
        var last = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        return JsonSerializer.Deserialize<LoadFigures>(last, Web)
            ?? throw new InvalidOperationException($"autocannon printed no figures: {output}");
    }

    private static async Task<string> RunAsync(string folder, string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await errors}");
        }

        return await output;
    }
}
