using Governance.Etl.Loading;
using Governance.Etl.Terminal;

namespace Governance.Etl.Commands;

/// <summary>Runs a loader over the files of a command line, prints each result and returns the exit code.</summary>
internal static class FileCommand
{
    public static async Task<int> RunAsync(
        IEnumerable<string> arguments, Func<IServiceProvider, string, IProgress<LoadProgress>?, CancellationToken, Task<LoadResult>> load, CancellationToken cancellationToken, Func<string, string?>? otherCommand = null)
    {
        var files = InputFiles.Expand(arguments, out var missing, out var skipped, otherCommand);
        foreach (var path in missing)
        {
            await Console.Error.WriteLineAsync($"No such file or folder: {path}");
        }

        foreach (var (path, command) in skipped)
        {
            await Console.Out.WriteLineAsync($"{path}: not loaded as a report; load it with `governance {command} {path}` / 不是指标报表，请用 {command} 命令导入");
        }

        if (missing.Count > 0 || files.Count == 0)
        {
            if (files.Count == 0 && missing.Count == 0)
            {
                await Console.Error.WriteLineAsync("No report files (.csv, .tsv, .txt, .xlsx) found.");
            }

            return ExitCodes.UsageOrConfiguration;
        }

        using var host = await EtlHost.BuildCurrentAsync(cancellationToken);
        var results = await LoadProgressDisplay.RunAsync(
            OperatorConsole.ForStandardOutput(), OperatorConsole.IsTerminal, files, (path, progress) => load(host.Services, path, progress, cancellationToken), result => LoadReportWriter.Write(Console.Out, result));

        return LoadReportWriter.ExitCode(results);
    }
}
