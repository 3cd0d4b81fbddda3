using Governance.Warehouse.Maintenance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Governance.Warehouse;

/// <summary>Creates or upgrades the warehouse: migrations of the configured provider, then the catalogue seed.</summary>
public sealed class WarehouseMigrator(IDbContextFactory<WarehouseDbContext> factory, ILogger<WarehouseMigrator> logger, IEnumerable<IWarehouseMaintainer>? maintainers = null)
{
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (exists, pending) = await PendingAsync(db, cancellationToken);
        logger.LogInformation("Migrating the {Provider} warehouse: {PendingCount} pending migrations {Pending}", db.Provider, pending.Count, pending);
        if (!exists)
        {
            // Created here rather than by EF's migration, whose probe of a missing database logs an error first.
            logger.LogInformation("Creating the {Provider} database {Database}", db.Provider, db.Database.GetDbConnection().Database);
            await db.GetService<IRelationalDatabaseCreator>().CreateAsync(cancellationToken);
        }

        if (db.Provider == WarehouseProvider.Sqlite)
        {
            // WAL lets the API read while the ETL writes; the setting persists in the file.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        // The history table before EF's migration: on a database without it EF reads it anyway and logs the failure as an error.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);

        await db.Database.MigrateAsync(cancellationToken);
        await WarehouseSeeder.SeedAsync(db, Catalogue.IndicatorCatalogue.Indicators, maintainers ?? WarehouseMaintainers.Default, cancellationToken);
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
            (_, pending) = await PendingAsync(db, cancellationToken);
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

    /// <summary>Whether the database exists and its pending migrations, asked without EF's probe where the database may not exist yet (that probe logs an error).</summary>
    private static async Task<(bool Exists, List<string> Pending)> PendingAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        if (db.Provider == WarehouseProvider.Postgres && await PostgresDatabaseExistsAsync(db.Database.GetConnectionString()!, cancellationToken) == false)
        {
            return (false, [.. db.Database.GetMigrations()]);
        }

        // Without its history table (an empty database) EF's provider reads it anyway and logs the failure as an error.
        return db.Provider == WarehouseProvider.Postgres && !await db.Database
                .SqlQueryRaw<bool>($"SELECT to_regclass('\"{HistoryRepository.DefaultTableName}\"') IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken)
            ? (true, [.. db.Database.GetMigrations()])
            : (true, [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)]);
    }

    /// <summary>Reads pg_database on the maintenance database <c>postgres</c>; null when that cannot be asked (no access to it: EF's own probe decides).</summary>
    private static async Task<bool?> PostgresDatabaseExistsAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? target.Username;
        if (string.IsNullOrEmpty(name) || name == "postgres")
        {
            return null;
        }

        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", connection) { Parameters = { new() { Value = name } } };
            return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException)
        {
            return null;
        }
    }
}
