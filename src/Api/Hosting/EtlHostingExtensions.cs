using Governance.Etl;
using Governance.Etl.Scheduling;

namespace Governance.Api.Hosting;

public static class EtlHostingExtensions
{
    /// <summary>
    /// The ETL inside the API: the loaders; the first-run demo (<c>Demo:LoadOnFirstRun</c>, default true), which starts after
    /// the migrations because it is registered after <see cref="WarehouseHostingExtensions.AddWarehouse"/>; and the
    /// scheduled inbox load when <c>Etl:ScheduleInApi</c> is true.
    /// </summary>
    public static WebApplicationBuilder AddEtlHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddEtl();
        builder.Services.AddOptions<FirstRunDemoOptions>().BindConfiguration(FirstRunDemoOptions.Section);
        builder.Services.AddHostedService<FirstRunDemoService>();
        if (builder.Configuration.GetValue<bool>($"{EtlScheduleOptions.Section}:{nameof(EtlScheduleOptions.ScheduleInApi)}"))
        {
            builder.Services.AddEtlSchedule(builder.Configuration);
        }

        return builder;
    }
}
