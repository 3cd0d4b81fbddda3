using Governance.Etl.Demo;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Governance.Api.Hosting;

/// <summary>
/// At start, after the migrations: when the warehouse holds no facts and <c>Demo:LoadOnFirstRun</c> is true, writes the
/// demo county to <c>Demo:OutputDirectory</c> and loads it through the ETL loaders, so that a fresh clone serves data.
/// </summary>
internal sealed class FirstRunDemoService(
    IDbContextFactory<WarehouseDbContext> factory, DemoLoader loader, IOptions<FirstRunDemoOptions> options, ILogger<FirstRunDemoService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.LoadOnFirstRun)
        {
            return;
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.IndicatorValues.AnyAsync(cancellationToken))
            {
                logger.LogInformation("First run: the warehouse already holds facts; no demo data loaded");
                return;
            }
        }

        var demo = options.Value.ToDemoOptions();
        if (demo.Problem() is { } problem)
        {
            throw new InvalidOperationException($"Settings under Demo: {problem.Replace("--", "Demo:", StringComparison.Ordinal)}");
        }

        logger.LogInformation("First run: the warehouse is empty; writing the demo county ({Townships} townships, {From}-{To}) to {Directory}",
            demo.Townships, demo.FromYear, demo.ToYear, Path.GetFullPath(demo.OutputDirectory));
        var written = DemoWriter.Write(DemoData.Generate(demo));
        var files = DemoLoader.LoadOrder(written);
        var results = await loader.LoadAllAsync(written, cancellationToken);
        var failed = results.FirstOrDefault(r => !r.Succeeded);
        if (failed is not null)
        {
            logger.LogError("First run: demo file {File} did not load ({Status}: {Message}); see governance batches show {LoadBatchId}", failed.FileName, failed.Status, failed.Message, failed.LoadBatchId);
            return;
        }

        logger.LogInformation("First run: demo county loaded, {Files} files, {Values} values", files.Count, results.Sum(r => r.Inserted));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
