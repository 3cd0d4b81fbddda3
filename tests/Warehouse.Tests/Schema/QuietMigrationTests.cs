using System.Collections.Concurrent;
using Governance.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Governance.Warehouse.Tests.Schema;

/// <summary>A first migrate is an ordinary event: every log event of it, EF Core's included, is below Warning.</summary>
public sealed class QuietMigrationTests
{
    [Fact]
    public async Task ANewSqliteFileIsMigratedWithoutAWarning()
    {
        var file = Path.Combine(Path.GetTempPath(), $"governance-quiet-{Guid.NewGuid():N}.db");
        try
        {
            var log = await MigrateAsync(new WarehouseSettings(WarehouseProvider.Sqlite, $"Data Source={file};Pooling=False", 60));

            AssertQuiet(log, "Applying migration '20261125201050_ValidityChecks'");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task APostgresDatabaseMissingOrEmptyIsMigratedWithoutAWarning(bool createdEmptyBefore)
    {
        var server = TestWarehouse.PostgresServer();
        var database = $"governance_quiet_{Guid.NewGuid():N}";
        try
        {
            if (createdEmptyBefore)
            {
                await ExecuteAsync(server, $"CREATE DATABASE {database}");
            }

            var log = await MigrateAsync(new WarehouseSettings(WarehouseProvider.Postgres, TestWarehouse.WithDatabase(server, database), 60));

            AssertQuiet(log, "Applying migration '20261125201101_ValidityChecks'");
            Assert.Equal(!createdEmptyBefore, log.Any(e => e.Message == $"Creating the Postgres database {database}"));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }
    }

    /// <summary>No event at Warning or above; and the collector saw EF Core's own events (the migration named) at every level.</summary>
    private static void AssertQuiet(IReadOnlyCollection<(LogLevel Level, string Category, string Message)> log, string efEvent)
    {
        var loud = string.Join('\n', log.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Level} {e.Category}: {e.Message}"));
        Assert.True(loud.Length == 0, loud);
        Assert.Contains(log, e => e.Category == "Microsoft.EntityFrameworkCore.Migrations" && e.Message.StartsWith(efEvent, StringComparison.Ordinal));
        Assert.Contains(log, e => e.Message == "Warehouse is current: 47 indicators in the catalogue");
    }

    private static async Task<IReadOnlyCollection<(LogLevel Level, string Category, string Message)>> MigrateAsync(WarehouseSettings settings)
    {
        var collector = new Collector();
        using var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(collector));
        await new WarehouseMigrator(new WarehouseContextFactory(settings, loggers), loggers.CreateLogger<WarehouseMigrator>()).MigrateAsync(TestContext.Current.CancellationToken);
        return collector.Events;
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private sealed class Collector : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Events { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(Collector collector, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                collector.Events.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
