using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Warehouse.Providers;

/// <summary>Builds the SqlServer context without a running host or server: for <c>dotnet ef migrations add</c> and the DDL scripts.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWarehouseDbContext>
{
    public SqlServerWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerWarehouseDbContext>().UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=True").UseSnakeCaseNamingConvention().Options);
}
