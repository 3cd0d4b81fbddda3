using Governance.Warehouse;
using Governance.Warehouse.Querying;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.TestSupport;

/// <summary>
/// A migrated, seeded warehouse of its own on a real engine: a temporary SQLite file, or a fresh PostgreSQL database on the
/// server named by <c>GOVERNANCE_TEST_POSTGRES</c>. Databases are copied from a template migrated once per test run.
/// Without that variable a PostgreSQL test is skipped with the reason; with <c>GOVERNANCE_REQUIRE_POSTGRES=1</c> it fails.
/// </summary>
public sealed class TestWarehouse : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly string[] SqliteFileSuffixes = ["", "-wal", "-shm"];
    private static string? _sqliteTemplate;
    private static string? _postgresTemplate;

    private readonly Func<Task> _drop;

    private TestWarehouse(WarehouseSettings settings, Func<Task> drop)
    {
        Settings = settings;
        Factory = new WarehouseContextFactory(settings);
        _drop = drop;
    }

    public WarehouseSettings Settings { get; }

    public WarehouseProvider Provider => Settings.Provider;

    public string ConnectionString => Settings.ConnectionString;

    public WarehouseContextFactory Factory { get; }

    /// <summary>The settings as configuration keys, for a host (API or ETL) under test.</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>
    {
        ["Warehouse:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Warehouse"] = ConnectionString,
    };

    public WarehouseDbContext CreateDbContext() => Factory.CreateDbContext();

    /// <summary>An engine of the query engine composed over this warehouse by <see cref="QueryEngineServiceCollectionExtensions.AddQueryEngine"/>.</summary>
    public T Engine<T>()
        where T : notnull =>
        QueryEngines.Over<T>(Factory);

    public static Task<TestWarehouse> CreateAsync(WarehouseProvider provider) => provider switch
    {
        WarehouseProvider.Sqlite => CreateSqliteAsync(),
        WarehouseProvider.Postgres => CreatePostgresAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Only SQLite and PostgreSQL run here."),
    };

    /// <summary>The PostgreSQL server connection string, or a skip (or failure, when required) naming the variable.</summary>
    public static string PostgresServer()
    {
        var server = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(server))
        {
            return server;
        }

        if (Environment.GetEnvironmentVariable("GOVERNANCE_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail("GOVERNANCE_REQUIRE_POSTGRES=1 but GOVERNANCE_TEST_POSTGRES names no PostgreSQL server.");
        }

        Assert.Skip("PostgreSQL test skipped: set GOVERNANCE_TEST_POSTGRES to a connection string of a server where tests may create databases.");
        return string.Empty;
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static async Task<TestWarehouse> CreateSqliteAsync()
    {
        var template = await TemplateAsync(() => _sqliteTemplate, v => _sqliteTemplate = v, async () =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"governance-template-{Guid.NewGuid():N}.db");
            await MigrateAsync(new WarehouseSettings(WarehouseProvider.Sqlite, $"Data Source={path};Pooling=False", 60));
            AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
            return path;
        });
        var file = Path.Combine(Path.GetTempPath(), $"governance-test-{Guid.NewGuid():N}.db");
        File.Copy(template, file);
        var settings = new WarehouseSettings(WarehouseProvider.Sqlite, $"Data Source={file};Default Timeout=30", 60);
        return new TestWarehouse(settings, () =>
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in SqliteFileSuffixes)
            {
                File.Delete(file + suffix);
            }

            return Task.CompletedTask;
        });
    }

    private static async Task<TestWarehouse> CreatePostgresAsync()
    {
        var server = PostgresServer();
        var template = await TemplateAsync(() => _postgresTemplate, v => _postgresTemplate = v, async () =>
        {
            var name = $"governance_template_{Guid.NewGuid():N}";
            await ExecuteAsync(server, $"CREATE DATABASE {name}");
            var settings = new WarehouseSettings(WarehouseProvider.Postgres, WithDatabase(server, name), 60);
            await MigrateAsync(settings);
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAsync(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)").GetAwaiter().GetResult();
            return name;
        });
        var database = $"governance_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {database} TEMPLATE {template}");
        var testSettings = new WarehouseSettings(WarehouseProvider.Postgres, WithDatabase(server, database), 60);
        return new TestWarehouse(testSettings, async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        });
    }

    /// <summary>
    /// A warehouse migrated (without the template) into a new database on a server the test runs itself, e.g. one it
    /// stops and starts; the test removes that server, and the database with it.
    /// </summary>
    public static async Task<TestWarehouse> CreateOnPostgresServerAsync(string server)
    {
        var database = $"governance_test_{Guid.NewGuid():N}";
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var settings = new WarehouseSettings(WarehouseProvider.Postgres, WithDatabase(server, database), 60);
        await MigrateAsync(settings);
        return new TestWarehouse(settings, () =>
        {
            NpgsqlConnection.ClearAllPools();
            return Task.CompletedTask;
        });
    }

    public static string WithDatabase(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, IncludeErrorDetail = true }.ConnectionString;

    private static async Task MigrateAsync(WarehouseSettings settings) =>
        await new WarehouseMigrator(new WarehouseContextFactory(settings), NullLogger<WarehouseMigrator>.Instance).MigrateAsync();

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> TemplateAsync(Func<string?> get, Action<string> set, Func<Task<string>> create)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (get() is { } existing)
            {
                return existing;
            }

            var created = await create();
            set(created);
            return created;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
