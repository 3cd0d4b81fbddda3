using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Warehouse.Providers;

/// <summary>Builds the Sqlite context without a running host or server: for <c>dotnet ef migrations add</c> and the DDL scripts.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWarehouseDbContext>
{
    public SqliteWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWarehouseDbContext>().UseSqlite("Data Source=design.db").UseSnakeCaseNamingConvention().Options);
}
