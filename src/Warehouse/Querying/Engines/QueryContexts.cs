using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Engines;

/// <summary>
/// The contexts the query engine reads through: the warehouse's factory, or the one a host chose for its reads (the
/// API's per-request <see cref="Replicas.WarehouseReadSession"/>), see <see cref="QueryEngineServiceCollectionExtensions.AddQueryEngine"/>.
/// </summary>
internal sealed class QueryContexts(IDbContextFactory<WarehouseDbContext> reads)
{
    public Task<WarehouseDbContext> CreateAsync(CancellationToken cancellationToken) => reads.CreateDbContextAsync(cancellationToken);
}
