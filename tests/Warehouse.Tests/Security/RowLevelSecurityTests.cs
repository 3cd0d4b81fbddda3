using Governance.TestSupport;
using Npgsql;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Warehouse.Tests.Security;

/// <summary>PostgreSQL row-level security, read through plain SQL as the API's non-owner role: the database enforces the scope by itself.</summary>
public sealed class RowLevelSecurityTests
{
    private const string T1Prefix = "361100101";

    [Fact]
    public async Task ATownshipScopeShowsOnlyThatTownshipsRows()
    {
        await using var warehouse = await ScenarioAsync();
        await using var role = await TestApiRole.CreateAsync(warehouse);
        var ownFacts = Incomes.Keys.Count(k => k.Village.StartsWith(T1Prefix, StringComparison.Ordinal));

        await using var connection = await OpenAsync(role.ConnectionString);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await ExecuteAsync(connection, $"select set_config('governance.scope', '{T1Prefix}', true)");

        Assert.Equal(4, ownFacts);
        Assert.Equal(ownFacts, await CountAsync(connection, "fct_indicator_value"));
        Assert.Equal(2, await CountAsync(connection, "fct_target"));
        Assert.Equal(Incomes[(A, 2024)] + Incomes[(B, 2024)], await ScalarAsync<decimal>(connection, "select sum(value) from fct_indicator_value where period_sk = 2024000"));
        Assert.Equal([County, T1, A, B], await CodesAsync(connection)); // the county only as the label of roll-ups above the township
        Assert.Equal(1, await CountAsync(connection, "etl_load_batch"));
    }

    [Fact]
    public async Task WithoutAScopeTheRoleSeesNoRowsOfAnyArea()
    {
        await using var warehouse = await ScenarioAsync();
        await using var role = await TestApiRole.CreateAsync(warehouse);

        await using var connection = await OpenAsync(role.ConnectionString);

        Assert.Equal(
            new long[] { 0, 0, 0, 0, 0 },
            new[]
            {
                await CountAsync(connection, "fct_indicator_value"), await CountAsync(connection, "fct_target"), await CountAsync(connection, "dim_area"),
                await CountAsync(connection, "etl_load_batch"), await CountAsync(connection, "vw_indicator_value"),
            });
        Assert.True(await CountAsync(connection, "dim_indicator") > 0); // the catalogue holds no area rows: readable
    }

    [Fact]
    public async Task TheRoleOwnsNothingBypassesNothingAndCannotTurnTheSecurityOff()
    {
        await using var warehouse = await ScenarioAsync();
        await using var role = await TestApiRole.CreateAsync(warehouse);
        await using var owner = await OpenAsync(warehouse.ConnectionString);
        var attributes = await ScalarAsync<string>(owner, $"select concat_ws(',', rolsuper, rolbypassrls, rolcreaterole, rolcreatedb, rolinherit) from pg_roles where rolname = '{role.Name}'");
        var owned = await ScalarAsync<long>(owner, $"select count(*) from pg_class where relowner = '{role.Name}'::regrole");

        await using var connection = await OpenAsync(role.ConnectionString);
        var disable = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "alter table fct_indicator_value disable row level security"));
        var noForce = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "alter table dim_area no force row level security"));
        await ExecuteAsync(connection, "set row_security = off");
        var bypass = await Assert.ThrowsAsync<PostgresException>(() => CountAsync(connection, "fct_indicator_value"));
        await ExecuteAsync(connection, "set row_security = on");
        var write = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, "delete from fct_indicator_value"));

        Assert.Equal("f,f,f,f,f", attributes);
        Assert.Equal(0, owned);
        Assert.Equal(
            [PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.InsufficientPrivilege, PostgresErrorCodes.InsufficientPrivilege],
            [disable.SqlState, noForce.SqlState, bypass.SqlState, write.SqlState]);
    }

    [Fact]
    public async Task TheTablesOwnerIsHeldToAScopeItSetsAndSeesEverythingWithoutOne()
    {
        await using var warehouse = await ScenarioAsync();
        var ownerRole = $"governance_owner_{Guid.NewGuid():N}"[..30];
        await using var admin = await OpenAsync(warehouse.ConnectionString);
        await ExecuteAsync(admin, $"create role {ownerRole} login nosuperuser nobypassrls password 'owner'");
        try
        {
            foreach (var table in new[] { "dim_area", "fct_indicator_value", "fct_target" })
            {
                await ExecuteAsync(admin, $"alter table {table} owner to {ownerRole}");
            }

            var ownerConnection = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Username = ownerRole, Password = "owner", Pooling = false }.ConnectionString;
            await using var connection = await OpenAsync(ownerConnection);
            var unscoped = await CountAsync(connection, "fct_indicator_value");
            await using var transaction = await connection.BeginTransactionAsync(Ct);
            await ExecuteAsync(connection, "select set_config('governance.scope', '361100102', true)");
            var scoped = await CountAsync(connection, "fct_indicator_value");
            await transaction.RollbackAsync(Ct);

            Assert.Equal(Incomes.Count, unscoped);
            Assert.Equal(Incomes.Keys.Count(k => k.Village == C), scoped);
        }
        finally
        {
            await ExecuteAsync(admin, $"reassign owned by {ownerRole} to current_user; drop owned by {ownerRole}; drop role {ownerRole}");
        }
    }

    internal static async Task<TestWarehouse> ScenarioAsync()
    {
        var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await LoadAsync(warehouse);
        return warehouse;
    }

    internal static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }

    private static async Task<long> CountAsync(NpgsqlConnection connection, string table) =>
        await ScalarAsync<long>(connection, $"select count(*) from {table}");

    private static async Task<List<string>> CodesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand("select area_code from dim_area order by area_code", connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var codes = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
