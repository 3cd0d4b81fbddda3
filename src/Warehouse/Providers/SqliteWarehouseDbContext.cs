using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Providers;

/// <summary>The warehouse on an embedded SQLite file.</summary>
public sealed class SqliteWarehouseDbContext(DbContextOptions<SqliteWarehouseDbContext> options) : WarehouseDbContext(options)
{
    public override WarehouseProvider Provider => WarehouseProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // NUMERIC affinity stores decimals as numbers, so SQL views and the sqlite3 shell can sum them natively.
        configurationBuilder.Properties<decimal>().HaveColumnType("NUMERIC");
    }
}
