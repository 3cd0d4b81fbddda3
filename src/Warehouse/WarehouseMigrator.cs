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

    /// <summary>
    /// For a command that needs the tables. A SQLite warehouse behind its migrations (a new file) is migrated here, as the
    /// API does at start; a server warehouse is not (its owner decides when the schema changes): that throws
    /// <see cref="WarehouseNotMigratedException"/>, whose message says to run <c>governance migrate</c>.
    /// </summary>
    public async Task EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        List<string> pending;
        WarehouseProvider provider;
        string database;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            pending = [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
            (provider, database) = (db.Provider, db.Database.GetDbConnection().Database);
        }

        if (pending.Count == 0)
        {
            return;
        }

        if (provider != WarehouseProvider.Sqlite)
        {
            throw new WarehouseNotMigratedException(
                $"The {provider} warehouse '{database}' is not migrated ({pending.Count} pending migrations, the last {pending[^1]}): run `governance migrate` as the tables' owner, then this command again.");
        }

        await MigrateAsync(cancellationToken);
    }
}
