using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Governance.Warehouse.Providers;

/// <summary>Lets <c>dotnet ef migrations add</c> build each provider's context without a running host or server.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWarehouseDbContext>
{
    public SqliteWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWarehouseDbContext>().UseSqlite("Data Source=design.db").UseSnakeCaseNamingConvention().Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWarehouseDbContext>
{
    public PostgresWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWarehouseDbContext>().UseNpgsql("Host=localhost;Database=design").UseSnakeCaseNamingConvention().Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerWarehouseDbContext>
{
    public SqlServerWarehouseDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerWarehouseDbContext>().UseSqlServer("Server=localhost;Database=design;TrustServerCertificate=True").UseSnakeCaseNamingConvention().Options);
}
