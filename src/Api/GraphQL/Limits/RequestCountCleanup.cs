using Governance.Warehouse.Replicas;

namespace Governance.Api.GraphQL.Limits;

/// <summary>Once a minute, while the shared limit is on: the counts of past minutes leave the warehouse, idle callers this instance's memory.</summary>
internal sealed class RequestCountCleanup(SharedRequestBudget budget, TimeProvider clock, ILogger<RequestCountCleanup> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!budget.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await budget.CleanUpAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The next lease says so in the log if the database is away; this clean-up simply runs again next minute.
                logger.LogDebug("The shared request counts of past minutes were not deleted: {Problem}", ReadFailure.Describe(e));
            }
        }
    }
}
