using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.NationalBenchmark;

/// <summary>A fresh, empty warehouse on the engine: its settings for the product's programs and a connection for the hand-written SQL.</summary>
internal sealed record Warehouse(string Engine, string ConnectionString, string? PostgresServer, string? Database)
{
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Warehouse__Provider"] = Engine == "postgres" ? "Postgres" : "Sqlite",
        ["ConnectionStrings__Warehouse"] = ConnectionString,
        ["Warehouse__CommandTimeoutSeconds"] = "3600",
        ["Demo__LoadOnFirstRun"] = "false",
    };

    public static async Task<Warehouse> CreateAsync(NationalOptions options, string name)
    {
        if (options.Engine == "postgres")
        {
            var database = $"governance_national_{name}";
            await ExecuteAsync(options.Postgres!, $"drop database if exists {database} with (force)");
            await ExecuteAsync(options.Postgres!, $"create database {database}");
            return new Warehouse("postgres", new NpgsqlConnectionStringBuilder(options.Postgres) { Database = database }.ConnectionString, options.Postgres, database);
        }

        var file = Path.Combine(options.Work, $"{name}.db");
        SqliteConnection.ClearAllPools();
        foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(stale);
        }

        return new Warehouse("sqlite", $"Data Source={file};Default Timeout=60", null, null);
    }

    /// <summary>The warehouse an earlier run of the same name left (<c>--load false</c>); an error names it when it is missing or holds no facts.</summary>
    public static async Task<Warehouse> OpenAsync(NationalOptions options, string name)
    {
        var warehouse = options.Engine == "postgres"
            ? new Warehouse("postgres", new NpgsqlConnectionStringBuilder(options.Postgres) { Database = $"governance_national_{name}" }.ConnectionString, options.Postgres, $"governance_national_{name}")
            : new Warehouse("sqlite", $"Data Source={Path.Combine(options.Work, $"{name}.db")};Mode=ReadWrite;Default Timeout=60", null, null);
        try
        {
            await using var connection = warehouse.Connect();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "select count(*) from (select 1 from fct_indicator_value limit 1) as any_fact";
            if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new UsageException($"--load false: the warehouse {warehouse.Database ?? warehouse.ConnectionString} holds no facts; run once with --load true --keep true.");
            }
        }
        catch (DbException e)
        {
            throw new UsageException($"--load false: no warehouse of an earlier run at {warehouse.Database ?? warehouse.ConnectionString} ({e.Message}); run once with --load true --keep true.");
        }

        return warehouse;
    }

    public DbConnection Connect() => Engine == "postgres" ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);

    /// <summary>Drops a PostgreSQL database (the SQLite file stays in the work folder until the next run).</summary>
    public async Task DropAsync()
    {
        if (PostgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(PostgresServer, $"drop database if exists {Database} with (force)");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
