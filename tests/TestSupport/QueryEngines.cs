using Governance.Warehouse;
using Governance.Warehouse.Querying;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.TestSupport;

/// <summary>The query engine composed as the hosts compose it (<see cref="QueryEngineServiceCollectionExtensions.AddQueryEngine"/>), over a given context factory.</summary>
public static class QueryEngines
{
    /// <summary>An engine of a fresh composition over <paramref name="factory"/>.</summary>
    public static T Over<T>(IDbContextFactory<WarehouseDbContext> factory)
        where T : notnull =>
        new ServiceCollection()
            .AddSingleton(factory)
            .AddQueryEngine()
            .BuildServiceProvider()
            .GetRequiredService<T>();
}
