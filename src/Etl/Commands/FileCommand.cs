using Governance.Etl.Loading;
using Governance.Etl.Terminal;

namespace Governance.Etl.Commands;

/// <summary>Runs a loader over the files of a command line, prints each result and returns the exit code.</summary>
internal static class FileCommand
{
    public static async Task<int> RunAsync(IEnumerable<string> arguments, Func<IServiceProvider, string, IProgress<LoadProgress>?, CancellationToken, Task<LoadResult>> load, CancellationToken cancellationToken)
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
        var results = await LoadProgressDisplay.RunAsync(
            OperatorConsole.ForStandardOutput(), OperatorConsole.IsTerminal, files, (path, progress) => load(host.Services, path, progress, cancellationToken), result => LoadReportWriter.Write(Console.Out, result));

        return LoadReportWriter.ExitCode(results);
    }
}
