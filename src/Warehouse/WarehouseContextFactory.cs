using Governance.Warehouse.Providers;
using Governance.Warehouse.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Governance.Warehouse;

/// <summary>
/// Creates a context of the configured provider. Thread-safe; each caller owns (and disposes) its context. With a logger
/// factory, EF Core's events (each SQL command and its duration under <c>Microsoft.EntityFrameworkCore.Database.Command</c>)
/// reach the host's log.
/// </summary>
public sealed class WarehouseContextFactory : IDbContextFactory<WarehouseDbContext>
{
    private readonly Func<WarehouseDbContext> _create;

    public WarehouseContextFactory(WarehouseSettings settings, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        _create = settings.Provider switch
        {
            WarehouseProvider.Sqlite => Build<SqliteWarehouseDbContext>(loggerFactory, b => UseSqlite(b, settings), o => new SqliteWarehouseDbContext(o)),
            WarehouseProvider.Postgres => Build<PostgresWarehouseDbContext>(loggerFactory, b => b.UseNpgsql(settings.ConnectionString, o => o.CommandTimeout(settings.CommandTimeoutSeconds).ExecutionStrategy(d => new PostgresRetryStrategy(d))).AddInterceptors(ScopeCommandInterceptor.Instance), o => new PostgresWarehouseDbContext(o)),
            WarehouseProvider.SqlServer => Build<SqlServerWarehouseDbContext>(loggerFactory, b => b.UseSqlServer(settings.ConnectionString, o => o.CommandTimeout(settings.CommandTimeoutSeconds).EnableRetryOnFailure(3)).AddInterceptors(SessionContextInterceptor.Instance), o => new SqlServerWarehouseDbContext(o)),
            _ => throw new WarehouseConfigurationException($"Setting Warehouse:Provider has an unsupported value {settings.Provider}."),
        };
    }

    public WarehouseSettings Settings { get; }

    public WarehouseDbContext CreateDbContext() => _create();

    private static Func<WarehouseDbContext> Build<TContext>(ILoggerFactory? loggerFactory, Action<DbContextOptionsBuilder<TContext>> configure, Func<DbContextOptions<TContext>, TContext> create)
        where TContext : WarehouseDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        configure(builder);
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        builder.UseSnakeCaseNamingConvention();
        var options = builder.Options;
        return () => create(options);
    }

    private static void UseSqlite(DbContextOptionsBuilder<SqliteWarehouseDbContext> builder, WarehouseSettings settings)
    {
        builder.UseSqlite(PrepareSqlite(settings.ConnectionString), o => o.CommandTimeout(settings.CommandTimeoutSeconds));
        // EF's own SQLite table rebuilds (a migration adding check constraints) turn foreign keys off outside the
        // transaction, as SQLite requires, and EF warns of that on every fresh migrate: expected, so not a warning here.
        builder.ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug)));
        if (settings.SqliteMemoryMapMegabytes > 0)
        {
            builder.AddInterceptors(new SqliteMemoryMapInterceptor(settings.SqliteMemoryMapMegabytes));
        }
    }

    /// <summary>Creates the folder of a SQLite file so the first run needs no setup.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
