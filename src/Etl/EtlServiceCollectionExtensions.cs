using Governance.Etl.Batches;
using Governance.Etl.Demo;
using Governance.Etl.Loading;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl;

public static class EtlServiceCollectionExtensions
{
    /// <summary>Registers the loaders the commands and the API's scheduled jobs share.</summary>
    public static IServiceCollection AddEtl(this IServiceCollection services)
    {
        services.AddOptions<LoadingOptions>().BindConfiguration(LoadingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IndicatorFileLoader>();
        services.AddSingleton<AreaFileLoader>();
        services.AddSingleton<TargetFileLoader>();
        services.AddSingleton<BatchQueries>();
        services.AddSingleton<DemoLoader>();
        return services;
    }
}
