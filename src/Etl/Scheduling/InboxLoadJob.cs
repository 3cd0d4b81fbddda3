using Quartz;

namespace Governance.Etl.Scheduling;

/// <summary>The Quartz job the cron of <c>Etl:Schedule</c> fires: one pass over the inbox, never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class InboxLoadJob(InboxLoader inbox) : IJob
{
    public static readonly JobKey Key = new("inbox-load", "etl");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await inbox.RunAsync(cancellationToken);
}
