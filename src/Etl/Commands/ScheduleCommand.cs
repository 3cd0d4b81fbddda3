using System.CommandLine;
using Governance.Etl.Scheduling;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Governance.Etl.Commands;

/// <summary><c>schedule [--once]</c>: load the inbox on the cron of <c>Etl:Schedule</c> until stopped, or once.</summary>
internal static class ScheduleCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Load the inbox once now and exit, instead of waiting for the cron." };
        var command = new Command("schedule", "Load every file dropped into Etl:Inbox on the cron of Etl:Schedule; move each to archive/ or rejected/ with a report beside it.") { once };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                using var host = EtlHost.Build(configure: builder => builder.Services.AddEtlSchedule(builder.Configuration));
                await host.Services.GetRequiredService<WarehouseMigrator>().MigrateAsync(cancellationToken);
                if (!parse.GetValue(once))
                {
                    await host.RunAsync(cancellationToken);
                    return ExitCodes.Success;
                }

                var outcomes = await host.Services.GetRequiredService<InboxLoader>().RunAsync(cancellationToken);
                foreach (var outcome in outcomes)
                {
                    LoadReportWriter.Write(Console.Out, outcome.Result);
                }

                // A file that failed for another reason than its content (the warehouse down) stays in the inbox: exit code 3.
                return outcomes.Any(o => o.Result.Status == LoadBatchStatus.Failed) ? ExitCodes.Failed : LoadReportWriter.ExitCode(outcomes.Select(o => o.Result));
            }
            catch (EtlScheduleConfigurationException e)
            {
                await Console.Error.WriteLineAsync($"Configuration error: {e.Message}");
                return ExitCodes.UsageOrConfiguration;
            }
        });
        return command;
    }
}
