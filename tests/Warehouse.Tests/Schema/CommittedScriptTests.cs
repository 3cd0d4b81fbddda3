using Governance.TestSupport;
using Governance.Warehouse.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Governance.Warehouse.Tests.Schema;

/// <summary>
/// A DBA who builds the warehouse from <c>sql/&lt;provider&gt;/schema.sql</c> instead of the migrations runs the file
/// as it is, in one go: every statement must be terminated, and the result must be the warehouse the migrations build.
/// </summary>
public sealed class CommittedScriptTests
{
    private static readonly string[] Tables = ["dim_area", "dim_indicator", "dim_period", "etl_load_batch", "fct_indicator_value", "fct_indicator_value_history", "fct_target"];

    [Fact]
    public async Task TheSqliteScriptRunsWholeOnAnEmptyDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), $"governance-script-{Guid.NewGuid():N}.db");
        try
        {
            await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await ExecuteAsync(connection, Script(WarehouseProvider.Sqlite));

                Assert.Equal(Tables, await Sql.ColumnAsync(connection, $"select name from sqlite_master where type = 'table' and name in ({InList(Tables)}) order by name"));
                Assert.Equal(ViewsInOrder(), await Sql.ColumnAsync(connection, $"select name from sqlite_master where type = 'view' order by name"));
                var rows = await CountViewRowsAsync(connection);
                Assert.Equal(new long[] { 0, 0, 0 }, rows);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task ThePostgresScriptRunsWholeOnAnEmptyDatabase()
    {
        var server = TestWarehouse.PostgresServer();
        var database = $"governance_script_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync(server, $"create database {database}");
        try
        {
            await using (var connection = new NpgsqlConnection(TestWarehouse.WithDatabase(server, database)))
            {
                await connection.OpenAsync(TestContext.Current.CancellationToken);
                await ExecuteAsync(connection, Script(WarehouseProvider.Postgres));

                Assert.Equal(Tables, await Sql.ColumnAsync(connection, $"select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name in ({InList(Tables)}) order by table_name"));
                Assert.Equal(ViewsInOrder(), await Sql.ColumnAsync(connection, "select table_name from information_schema.views where table_schema = 'public' order by table_name"));
                var rows = await CountViewRowsAsync(connection);
                Assert.Equal(new long[] { 0, 0, 0 }, rows);
            }

            NpgsqlConnection.ClearAllPools();
        }
        finally
        {
            await ExecuteOnServerAsync(server, $"drop database if exists {database} with (force)");
        }
    }

    private static string Script(WarehouseProvider provider) => File.ReadAllText(Repository.PathOf(DdlScripts.RelativePath(provider)));

    private static string[] ViewsInOrder() => [.. AnalystViews.Names.Order(StringComparer.Ordinal)];

    private static string InList(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static async Task ExecuteAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Each view answers a query (an empty warehouse: no rows).</summary>
    private static async Task<long[]> CountViewRowsAsync(System.Data.Common.DbConnection connection)
    {
        var counts = new List<long>();
        foreach (var view in AnalystViews.Names)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"select count(*) from {view}";
            counts.Add(Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }

        return [.. counts];
    }

    private static async Task ExecuteOnServerAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
