using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Warehouse.Querying;

/// <summary>The query engine composed in DI: the engines, and the services they are made of.</summary>
public static class QueryEngineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engines (<see cref="ObservationEngine"/>, <see cref="ObservationPager"/>, <see cref="DistributionEngine"/>,
    /// <see cref="GrowthEngine"/>, <see cref="AttainmentEngine"/>) and their parts, all scoped: one set per request. They
    /// read through <paramref name="reads"/> (the API passes its per-request read session), by default through the
    /// registered <see cref="IDbContextFactory{TContext}"/> of the warehouse. Grouped rows come from the facts unless an
    /// <see cref="IGroupSource"/> registered in the collection (before or after this call) covers a plan: see
    /// <see cref="SourcePlanner"/>.
    /// </summary>
    public static IServiceCollection AddQueryEngine(this IServiceCollection services, Func<IServiceProvider, IDbContextFactory<WarehouseDbContext>>? reads = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped(sp => new QueryContexts(reads?.Invoke(sp) ?? sp.GetRequiredService<IDbContextFactory<WarehouseDbContext>>()));
        services.AddScoped<FactSource>();
        services.AddScoped<SourcePlanner>();
        services.AddScoped<GroupEvaluator>();
        services.AddScoped(sp => new ObservationEngine(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<GroupEvaluator>()));
        services.AddScoped(sp => new ObservationPager(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<ObservationEngine>(), sp.GetRequiredService<SourcePlanner>()));
        services.AddScoped(sp => new DistributionEngine(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<GroupEvaluator>(), sp.GetRequiredService<SourcePlanner>()));
        services.AddScoped(sp => new GrowthEngine(sp.GetRequiredService<ObservationEngine>()));
        services.AddScoped(sp => new AttainmentEngine(sp.GetRequiredService<QueryContexts>(), sp.GetRequiredService<GroupEvaluator>()));
        return services;
    }
}
