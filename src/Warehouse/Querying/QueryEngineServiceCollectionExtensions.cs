using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Governance.Warehouse.Querying;

/// <summary>The query engine composed in DI: the engines, and the services they are made of.</summary>
public static class QueryEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engines (<see cref="ObservationEngine"/>, <see cref="ObservationPager"/>, <see cref="DistributionEngine"/>,
    /// <see cref="GrowthEngine"/>, <see cref="AttainmentEngine"/>) and their parts, all scoped: one set per request. They
    /// read through <paramref name="reads"/> (the API passes its per-request read session), by default through the
    /// registered <see cref="IDbContextFactory{TContext}"/> of the warehouse. Grouped rows come from the first
    /// <see cref="IGroupSource"/> that covers a plan, in registration order, else from the facts: see
    /// <see cref="SourcePlanner"/>. With <paramref name="useRollups"/> (by default <c>Warehouse:Rollups:Use</c> of the
    /// <see cref="WarehouseSettings"/> registered before this call, else on) the roll-ups (<see cref="RollupSource"/>) are
    /// registered here, after any source registered before this call and before the facts.
    /// </summary>
    public static IServiceCollection AddQueryEngine(this IServiceCollection services, Func<IServiceProvider, IDbContextFactory<WarehouseDbContext>>? reads = null, bool? useRollups = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.LastOrDefault(d => d.ServiceType == typeof(WarehouseSettings))?.ImplementationInstance as WarehouseSettings;
        if (useRollups ?? settings?.UseRollups ?? true)
        {
            services.AddScoped<IGroupSource, RollupSource>();
        }

        services.AddScoped(sp => new QueryContexts(reads?.Invoke(sp) ?? sp.GetRequiredService<IDbContextFactory<WarehouseDbContext>>()));
        services.AddScoped<FactSource>();
        services.AddScoped(sp => new SourcePlanner(sp.GetServices<IGroupSource>(), sp.GetRequiredService<FactSource>(), sp.GetService<ILogger<SourcePlanner>>()));
        services.AddScoped<GroupEvaluator>();
        services.AddScoped(sp => new ObservationEngine(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<GroupEvaluator>()));
        services.AddScoped(sp => new ObservationPager(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<ObservationEngine>(), sp.GetRequiredService<SourcePlanner>(), sp.GetRequiredService<GroupEvaluator>()));
        services.AddScoped(sp => new DistributionEngine(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<GroupEvaluator>(), sp.GetRequiredService<SourcePlanner>()));
        services.AddScoped(sp => new GrowthEngine(sp.GetRequiredService<ObservationEngine>()));
        services.AddScoped(sp => new AttainmentEngine(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<GroupEvaluator>()));
        return services;
    }
}
