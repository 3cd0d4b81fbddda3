using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Providers;

/// <summary>The warehouse on a PostgreSQL server.</summary>
public sealed class PostgresWarehouseDbContext(DbContextOptions<PostgresWarehouseDbContext> options) : WarehouseDbContext(options)
{
    public override WarehouseProvider Provider => WarehouseProvider.Postgres;
}
