using Governance.Etl.Batches;
using Governance.Etl.Commands;
using Governance.Etl.Loading;
using Governance.Warehouse.Loading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Governance.Etl.Scheduling;

/// <summary>
/// One pass over the inbox: area lists (<c>areas*</c>) first, then reports, then target files (<c>targets*</c>); each
/// file is loaded as its own batch and moved to <c>archive/</c> (loaded or already loaded) or <c>rejected/</c>, with
/// <c>&lt;file&gt;.report.txt</c> beside it. A file whose load failed for another reason than its content stays for the next run.
/// </summary>
public sealed class InboxLoader(
    AreaFileLoader areas, IndicatorFileLoader values, TargetFileLoader targets, BatchQueries batches,
    IOptions<EtlScheduleOptions> options, TimeProvider time, ILogger<InboxLoader> logger)
{
    public const string ArchiveFolder = "archive";
    public const string RejectedFolder = "rejected";

    public async Task<IReadOnlyList<InboxOutcome>> RunAsync(CancellationToken cancellationToken)
    {
        var inbox = Path.GetFullPath(options.Value.Inbox);
        Directory.CreateDirectory(inbox);
        var files = InputFiles.Expand([inbox], out _, out _)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith("~$", StringComparison.Ordinal))
            .OrderBy(Rank).ThenBy(f => f, StringComparer.Ordinal)
            .ToList();
        logger.LogInformation("Inbox {Inbox}: {Count} files", inbox, files.Count);
        var outcomes = new List<InboxOutcome>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await LoaderFor(file)(file, LoadOptions.Default, cancellationToken);
            if (result.Status == LoadBatchStatus.Failed)
            {
                logger.LogError("Inbox file {File} failed to load (batch {LoadBatchId}): {Message}; it stays in the inbox for the next run", file, result.LoadBatchId, result.Message);
                outcomes.Add(new InboxOutcome(Path.GetFileName(file), result, file, null));
                continue;
            }

            outcomes.Add(await FileAwayAsync(inbox, file, result, cancellationToken));
        }

        return outcomes;
    }

    private static int Rank(string path) => Path.GetFileName(path).ToLowerInvariant() switch
    {
        var name when name.StartsWith("areas", StringComparison.Ordinal) => 0,
        var name when name.StartsWith("targets", StringComparison.Ordinal) => 2,
        _ => 1,
    };

    private Func<string, LoadOptions, CancellationToken, Task<LoadResult>> LoaderFor(string path) => Rank(path) switch
    {
        0 => areas.LoadAsync,
        2 => targets.LoadAsync,
        _ => values.LoadAsync,
    };

    private async Task<InboxOutcome> FileAwayAsync(string inbox, string file, LoadResult result, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(inbox, result.Succeeded ? ArchiveFolder : RejectedFolder);
        Directory.CreateDirectory(folder);
        var target = FreeName(folder, Path.GetFileName(file));
        File.Move(file, target);
        var rejects = result.Rejected > result.Rejects.Count && result.LoadBatchId is { } id && await batches.FindAsync(id, cancellationToken) is { } detail
            ? [.. detail.Rejects.Select(r => new RejectSummary(r.Sheet, r.LineNumber, r.ColumnName, r.Rule, r.RawValue, r.Message))]
            : result.Rejects;
        var report = target + ".report.txt";
        await File.WriteAllTextAsync(report, InboxReport.Render(Path.GetFileName(file), result, rejects, time.GetUtcNow()), cancellationToken);
        logger.LogInformation("Inbox file {File}: {Status} (batch {LoadBatchId}), moved to {Target}", Path.GetFileName(file), result.Status, result.LoadBatchId, target);
        return new InboxOutcome(Path.GetFileName(file), result, target, report);
    }

    /// <summary>The name itself, or name-2, name-3, ... when an earlier file of that name is already there.</summary>
    private static string FreeName(string folder, string name)
    {
        var candidate = Path.Combine(folder, name);
        for (var n = 2; File.Exists(candidate); n++)
        {
            candidate = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(name)}-{n}{Path.GetExtension(name)}");
        }

        return candidate;
    }
}
