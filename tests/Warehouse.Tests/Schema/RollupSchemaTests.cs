using Governance.TestSupport;
using Npgsql;

namespace Governance.Warehouse.Tests.Schema;

/// <summary>Migration Rollups on PostgreSQL: the roll-ups that hold areas are under the facts' row-level security.</summary>
public sealed class RollupSchemaTests
{
    [Fact]
    public async Task ATownshipScopeSeesOnlyTheRollupRowsOfItsAreas()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await using var connection = new NpgsqlConnection(warehouse.ConnectionString);
        await connection.OpenAsync(ct);
        Assert.Equal(
            ["agg_expected true true 1", "agg_total true true 1"],
            await Sql.ColumnAsync(connection, """
                select c.relname || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity || ' ' || (select count(*) from pg_policies as p where p.tablename = c.relname)
                from pg_class as c where c.relname in ('agg_total', 'agg_expected') order by c.relname
                """));

        await using (var insert = new NpgsqlCommand(
            """
            insert into agg_total values (1, 4, '361100101000', 2024000, 10, 0, 0, 1), (1, 4, '361100102000', 2024000, 20, 0, 0, 1), (1, 3, '361100000000', 2024000, 30, 0, 0, 2);
            insert into agg_expected values ('Villages', 'Year', 4, '361100101000', 2024000, 1), ('Villages', 'Year', 3, '361100000000', 2024000, 2);
            """, connection))
        {
            await insert.ExecuteNonQueryAsync(ct);
        }

        // As the API's login (no superuser, so the policies apply to it), scoped to one town.
        await using var role = await TestApiRole.CreateAsync(warehouse);
        await using var api = new NpgsqlConnection(role.ConnectionString);
        await api.OpenAsync(ct);
        await using var transaction = await api.BeginTransactionAsync(ct);
        await using (var scope = new NpgsqlCommand("select set_config('governance.scope', '361100101', true)", api, transaction))
        {
            await scope.ExecuteScalarAsync(ct);
        }

        Assert.Equal(["361100101000"], await Sql.ColumnAsync(api, "select area_code from agg_total"));
        Assert.Equal(["361100101000"], await Sql.ColumnAsync(api, "select area_code from agg_expected"));
        Assert.Equal(["1"], await Sql.ColumnAsync(api, "select count(*)::text from agg_state"));
    }
}
