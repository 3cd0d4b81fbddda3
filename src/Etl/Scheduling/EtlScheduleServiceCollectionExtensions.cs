using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Governance.Etl.Scheduling;

public static class EtlScheduleServiceCollectionExtensions
{
    /// <summary>
    /// The inbox load on the cron of <c>Etl:Schedule</c>, run by Quartz as a hosted service (used by <c>governance schedule</c>
    /// and by the API when <c>Etl:ScheduleInApi</c> is true). A bad cron or an empty inbox path throws, naming the setting.
    /// </summary>
    public static IServiceCollection AddEtlSchedule(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = Read(configuration);
        services.AddOptions<EtlScheduleOptions>().BindConfiguration(EtlScheduleOptions.Section);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<InboxLoader>();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<InboxLoadJob>(job => job.WithIdentity(InboxLoadJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(InboxLoadJob.Key).WithIdentity("inbox-load-cron", "etl").WithCronSchedule(settings.Schedule));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>Reads and checks the settings; the exception message names the bad setting.</summary>
    public static EtlScheduleOptions Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new EtlScheduleOptions();
        configuration.GetSection(EtlScheduleOptions.Section).Bind(settings);
        if (!CronExpression.TryParse(settings.Schedule, out _))
        {
            throw new EtlScheduleConfigurationException(
                $"Setting Etl:Schedule is '{settings.Schedule}'; it must be a Quartz cron expression with seconds first, e.g. '0 */5 * * * ?' (every five minutes).");
        }

        if (string.IsNullOrWhiteSpace(settings.Inbox))
        {
            throw new EtlScheduleConfigurationException("Setting Etl:Inbox is empty; it must name the folder to load files from.");
        }

        return settings;
    }
}
