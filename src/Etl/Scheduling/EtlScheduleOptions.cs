using Governance.Warehouse;

namespace Governance.Etl.Scheduling;

/// <summary>Settings under <c>Etl</c> for the scheduled inbox load.</summary>
public sealed class EtlScheduleOptions
{
    public const string Section = "Etl";

    /// <summary>Quartz cron expression (seconds first): every five minutes by default.</summary>
    public string Schedule { get; set; } = "0 */5 * * * ?";

    /// <summary>The folder townships drop their files into; <c>archive/</c> and <c>rejected/</c> are made inside it. By default data/inbox beside the warehouse.</summary>
    public string Inbox { get; set; } = DefaultPaths.Resolve("data/inbox");

    /// <summary>Whether the API hosts the schedule too.</summary>
    public bool ScheduleInApi { get; set; }
}
