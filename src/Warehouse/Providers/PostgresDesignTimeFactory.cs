using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Warehouse.Providers;

/// <summary>Builds the Postgres context without a running host or server: for <c>dotnet ef migrations add</c> and the DDL scripts.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWarehouseDbContext>
{
    public PostgresWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWarehouseDbContext>().UseNpgsql("Host=localhost;Database=design").UseSnakeCaseNamingConvention().Options);
}
