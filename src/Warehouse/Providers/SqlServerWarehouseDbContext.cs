using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Providers;

/// <summary>The warehouse on SQL Server.</summary>
public sealed class SqlServerWarehouseDbContext(DbContextOptions<SqlServerWarehouseDbContext> options) : WarehouseDbContext(options)
{
    public override WarehouseProvider Provider => WarehouseProvider.SqlServer;
}
