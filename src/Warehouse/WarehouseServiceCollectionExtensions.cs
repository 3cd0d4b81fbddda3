using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Governance.Warehouse;

public static class WarehouseServiceCollectionExtensions
{
    /// <summary>Registers the warehouse: validated settings, the context factory of the configured provider, the migrator and the maintainers every change runs (roll-ups first).</summary>
    public static IServiceCollection AddWarehouse(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = WarehouseSettings.FromConfiguration(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<WarehouseContextFactory>();
        services.AddSingleton<IDbContextFactory<WarehouseDbContext>>(sp => sp.GetRequiredService<WarehouseContextFactory>());
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<WarehouseDbContext>>().CreateDbContext());
        services.AddSingleton<Maintenance.IWarehouseMaintainer, Rollups.RollupMaintainer>();
        services.AddSingleton<WarehouseMigrator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Security.ApiKeyStore>();
        services.AddSingleton<Reports.SavedReportStore>();
        services.AddSingleton<Security.RequestCountStore>();
        return services;
    }
}
