using System.Diagnostics;
using System.Globalization;
using Governance.Etl.Loading;
using Spectre.Console;

namespace Governance.Etl.Terminal;

/// <summary>
/// Runs loads one file after another; on a terminal each file gets a live bar with rows read, rows per second and time
/// left, and the results are reported when the last file is done. Off a terminal each result is reported as its file
/// finishes, and the loader's own log lines tell the progress.
/// </summary>
public static class LoadProgressDisplay
{
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(
        IAnsiConsole console, bool terminal, IReadOnlyList<string> files, Func<string, IProgress<LoadProgress>?, Task<LoadResult>> load, Action<LoadResult> report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<LoadResult>();
        if (!terminal)
        {
            foreach (var path in files)
            {
                var result = await load(path, null);
                report(result);
                results.Add(result);
            }

            return results;
        }

        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                foreach (var path in files)
                {
                    var name = Markup.Escape(Path.GetFileName(path));
                    var task = context.AddTask(name, maxValue: Math.Max(1, new FileInfo(path).Length));
                    var result = await load(path, new TaskProgress(task, name));
                    task.Description = $"{name} [grey]{Markup.Escape(result.Status.ToString())}, {result.RowsRead.ToString("N0", CultureInfo.InvariantCulture)} rows[/]";
                    task.Value = task.MaxValue;
                    task.StopTask();
                    results.Add(result);
                }
            });
        results.ForEach(report);
        return results;
    }

    /// <summary>Moves a bar as the loader reports: bytes for the bar and time left, rows and rows per second in the description.</summary>
    private sealed class TaskProgress(ProgressTask task, string name) : IProgress<LoadProgress>
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(LoadProgress value)
        {
            var rate = value.RowsRead / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            task.Description = string.Create(CultureInfo.InvariantCulture, $"{name} [grey]{value.RowsRead:N0} rows, {rate:N0} rows/s[/]");
            if (value.TotalBytes > 0)
            {
                task.MaxValue = value.TotalBytes;
                task.Value = Math.Min(value.BytesRead, value.TotalBytes);
            }
        }
    }
}
