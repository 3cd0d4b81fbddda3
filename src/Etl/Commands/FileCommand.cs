using Governance.Etl.Loading;

namespace Governance.Etl.Commands;

/// <summary>Runs a loader over the files of a command line, prints each result and returns the exit code.</summary>
internal static class FileCommand
{
    public static async Task<int> RunAsync(IEnumerable<string> arguments, Func<IServiceProvider, string, CancellationToken, Task<LoadResult>> load, CancellationToken cancellationToken)
    {
        var files = InputFiles.Expand(arguments, out var missing);
        foreach (var path in missing)
        {
            await Console.Error.WriteLineAsync($"No such file or folder: {path}");
        }

        if (missing.Count > 0 || files.Count == 0)
        {
            if (files.Count == 0 && missing.Count == 0)
            {
                await Console.Error.WriteLineAsync("No report files (.csv, .tsv, .txt, .xlsx) found.");
            }

            return ExitCodes.UsageOrConfiguration;
        }

        using var host = EtlHost.Build();
        var results = new List<LoadResult>();
        foreach (var path in files)
        {
            var result = await load(host.Services, path, cancellationToken);
            LoadReportWriter.Write(Console.Out, result);
            results.Add(result);
        }

        return LoadReportWriter.ExitCode(results);
    }
}
