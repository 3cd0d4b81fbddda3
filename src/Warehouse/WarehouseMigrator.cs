using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Warehouse;

/// <summary>Creates or upgrades the warehouse: migrations of the configured provider, then the catalogue seed.</summary>
public sealed class WarehouseMigrator(IDbContextFactory<WarehouseDbContext> factory, ILogger<WarehouseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        logger.LogInformation("Migrating the {Provider} warehouse: {PendingCount} pending migrations {Pending}", db.Provider, pending.Count, pending);
        if (db.Provider == WarehouseProvider.Sqlite)
        {
            // WAL lets the API read while the ETL writes; the setting persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
        await WarehouseSeeder.SeedAsync(db, cancellationToken);
        logger.LogInformation("Warehouse is current: {IndicatorCount} indicators in the catalogue", await db.Indicators.CountAsync(cancellationToken));
    }
}
