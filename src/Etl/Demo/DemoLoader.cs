using Governance.Etl.Loading;
using Microsoft.Extensions.Logging;

namespace Governance.Etl.Demo;

/// <summary>Loads a written demo county through the real loaders: areas first, then every clean report, then the targets.</summary>
public sealed class DemoLoader(AreaFileLoader areas, IndicatorFileLoader values, TargetFileLoader targets, ILogger<DemoLoader> logger)
{
    /// <summary>The files a load takes, in the order it takes them (the dirty file is left out).</summary>
    public static IReadOnlyList<DemoFile> LoadOrder(DemoOutput output) =>
        [.. (output ?? throw new ArgumentNullException(nameof(output))).Files.Where(f => f.Kind != DemoFileKind.Dirty).OrderBy(f => f.Kind)];

    public Task<LoadResult> LoadAsync(DemoFile file, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var options = new LoadOptions(Progress: progress);
        return file.Kind switch
        {
            DemoFileKind.Areas => areas.LoadAsync(file.Path, options, cancellationToken),
            DemoFileKind.Targets => targets.LoadAsync(file.Path, options, cancellationToken),
            _ => values.LoadAsync(file.Path, options, cancellationToken),
        };
    }

    /// <summary>Loads every clean file, logging each result; stops at the first file that does not load.</summary>
    public async Task<IReadOnlyList<LoadResult>> LoadAllAsync(DemoOutput output, CancellationToken cancellationToken)
    {
        var results = new List<LoadResult>();
        foreach (var file in LoadOrder(output))
        {
            var result = await LoadAsync(file, null, cancellationToken);
            results.Add(result);
            logger.LogInformation("Demo load {File}: {Status} (batch {LoadBatchId}), {RowsRead} rows read, {Inserted} inserted, {Rejected} rejected",
                Path.GetFileName(file.Path), result.Status, result.LoadBatchId, result.RowsRead, result.Inserted, result.Rejected);
            if (!result.Succeeded)
            {
                break;
            }
        }

        return results;
    }
}
