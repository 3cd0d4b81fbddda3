using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Warehouse.Schema;

/// <summary>
/// What migration Rollups adds beside the tables EF makes: the state row, and on PostgreSQL the row-level security of
/// the fact table (when it has it) on the roll-ups that hold areas, and SELECT for the roles already reading the areas.
/// </summary>
public static class RollupSchema
{
    /// <summary>
    /// The state row: current (at the warehouse's version) on a warehouse without facts, where empty roll-ups are exact;
    /// out of use (version 0) on one with facts, until <c>governance rollups rebuild</c> makes them.
    /// </summary>
    public const string StateRow = """
        INSERT INTO agg_state (id, version, first_year, last_year, rebuilt_at)
        SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM fct_indicator_value) THEN 0 ELSE w.version END, NULL, NULL, NULL
        FROM warehouse_version w
        WHERE w.id = 1;
        """;

    /// <summary>The roll-up tables holding rows of areas, under the same scope as the facts (PostgreSQL policies, SQL Server predicates).</summary>
    public static IReadOnlyList<string> ScopedTables { get; } = ["agg_total", "agg_expected"];

    /// <summary>A row of a roll-up is visible when its area lies inside the scope: a county's total is not a township's to see.</summary>
    public const string Rows = "(select '' = any (governance_scope_prefixes())) or area_code::text ^@ any ((select governance_scope_prefixes())::text[])";

    private const string PostgresSecurity = $"""
        do $rollups$
        declare reader regrole;
        begin
            if (select c.relrowsecurity from pg_class as c where c.oid = 'fct_indicator_value'::regclass) then
                alter table agg_total enable row level security;
                alter table agg_total force row level security;
                create policy governance_scope on agg_total using ({Rows});
                alter table agg_expected enable row level security;
                alter table agg_expected force row level security;
                create policy governance_scope on agg_expected using ({Rows});
            end if;
            for reader in
                select distinct a.grantee::regrole
                from pg_class as c cross join lateral aclexplode(c.relacl) as a
                where c.oid = 'dim_area'::regclass and a.privilege_type = 'SELECT' and a.grantee <> c.relowner and a.grantee <> 0
            loop
                execute format('grant select on agg_input, agg_total, agg_expected, agg_state to %s', reader);
            end loop;
        end
        $rollups$;
        """;

    public static void Create(MigrationBuilder migrationBuilder, WarehouseProvider provider)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(StateRow);
        if (provider == WarehouseProvider.Postgres)
        {
            migrationBuilder.Sql(PostgresSecurity);
        }
    }
}
