using Governance.Etl.Batches;
using Governance.Etl.Demo;
using Governance.Etl.Loading;
using Governance.Etl.Readers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Governance.Etl;

public static class EtlServiceCollectionExtensions
{
    /// <summary>
    /// Registers the loaders the commands and the API's scheduled jobs share; the <c>Etl</c> settings (the limits of
    /// <c>Etl:Limits:*</c> included) are checked when a host starts, and by <see cref="EtlHost.Build"/> for the commands.
    /// </summary>
    public static IServiceCollection AddEtl(this IServiceCollection services)
    {
        services.AddOptions<LoadingOptions>().BindConfiguration(LoadingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<LoadingOptions>, ReadLimitsValidation>();
        services.AddSingleton<IndicatorFileLoader>();
        services.AddSingleton<AreaFileLoader>();
        services.AddSingleton<TargetFileLoader>();
        services.AddSingleton<BatchQueries>();
        services.AddSingleton<DemoLoader>();
        services.AddSingleton<Rollups.RollupJobs>();
        return services;
    }
}
