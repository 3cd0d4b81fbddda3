using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.LoadTest;

/// <summary>A fresh warehouse for the run (a SQLite file under the work folder, or a PostgreSQL database) as the settings the API and ETL processes read.</summary>
internal static class BenchmarkWarehouse
{
    public static async Task<Dictionary<string, string>> CreateAsync(string provider, int villages, string work)
    {
        string connectionString;
        if (provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES")
                ?? throw new InvalidOperationException("Set GOVERNANCE_TEST_POSTGRES to a PostgreSQL server connection string.");
            var database = $"governance_load_{villages}";
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"drop database if exists {database} with (force); create database {database}", admin);
            await create.ExecuteNonQueryAsync();
            connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
        }
        else
        {
            var file = Path.Combine(work, "warehouse.db");
            foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(stale);
            }

            connectionString = $"Data Source={file};Default Timeout=30";
        }

        return new Dictionary<string, string>
        {
            ["Warehouse__Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
            ["ConnectionStrings__Warehouse"] = connectionString,
            ["Demo__LoadOnFirstRun"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
    }

    /// <summary>The SQLite journal mode (<c>wal</c> after the warehouse is migrated), or null for PostgreSQL.</summary>
    public static async Task<string?> JournalModeAsync(IReadOnlyDictionary<string, string> settings)
    {
        if (settings["Warehouse__Provider"] != "Sqlite")
        {
            return null;
        }

        await using var connection = new SqliteConnection(settings["ConnectionStrings__Warehouse"]);
        await connection.OpenAsync();
        await using var command = new SqliteCommand("pragma journal_mode", connection);
        return (string?)await command.ExecuteScalarAsync();
    }
}
