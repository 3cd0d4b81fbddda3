using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Warehouse.Schema;

/// <summary>
/// PostgreSQL row-level security (forced, so the tables' owner is subject to it too): every table holding rows of an
/// area shows only the areas of the scope in the transaction-local setting <c>governance.scope</c>, which the API sets
/// per command (<see cref="Security.ScopeCommandInterceptor"/>). The setting holds <c>*</c> (every area) or
/// comma-separated area-code prefixes; unset or empty it shows nothing, except to the role owning the tables (the ETL
/// and the migrations), which then sees everything. <c>sql/sqlserver/security-policy.sql</c> mirrors it for SQL Server.
/// </summary>
public static class RowLevelSecurity
{
    private const string Prefixes = "(select governance_scope_prefixes())::text[]";
    private const string Everything = "(select '' = any (governance_scope_prefixes()))";
    private const string Covered = $"area_code::text ^@ any ({Prefixes})";
    private const string Enclosing = $"area_code::text = any ((select governance_scope_enclosing())::text[])";
    private const string CoveredAreaSk = $"area_sk in (select a.area_sk from dim_area as a where a.area_code::text ^@ any ({Prefixes}))";

    /// <summary>
    /// The batches policy since migration BatchAreaScope: a batch whose file named areas is visible when all of them lie
    /// inside the scope (its area_code_prefix starts with a prefix of the scope); one without a prefix (older batches)
    /// when a fact or target it wrote is visible (those subqueries are themselves under their policies).
    /// </summary>
    public const string BatchRows = $"{Everything} or (area_code_prefix is not null and area_code_prefix::text ^@ any ({Prefixes})) or (area_code_prefix is null and (exists (select 1 from fct_indicator_value as v where v.load_batch_id = etl_load_batch.load_batch_id) or exists (select 1 from fct_target as t where t.load_batch_id = etl_load_batch.load_batch_id)))";

    private const string FactBatchRows = $"{Everything} or exists (select 1 from fct_indicator_value as v where v.load_batch_id = etl_load_batch.load_batch_id) or exists (select 1 from fct_target as t where t.load_batch_id = etl_load_batch.load_batch_id)";

    /// <summary>Each table under a policy, and the rows the policy lets through, as migration RowLevelSecurity made them.</summary>
    public static IReadOnlyList<(string Table, string Rows)> Policies { get; } =
    [
        // The areas enclosing the scope stay visible: their names label roll-ups above the scope (no figures of their own).
        ("dim_area", $"{Covered} or {Enclosing}"),
        ("dim_area_lineage", $"{Covered} or replaced_code::text ^@ any ({Prefixes})"),
        ("fct_indicator_value", $"{Everything} or {CoveredAreaSk}"),
        ("fct_indicator_value_history", $"{Everything} or {CoveredAreaSk}"),
        ("fct_target", $"{Everything} or {CoveredAreaSk}"),
        ("ref_threshold_parameter", $"area_code is null or {Covered} or {Enclosing}"),
        ("etl_warning", $"{Everything} or {Covered}"),
        // A batch is visible when a fact or target it wrote is; migration BatchAreaScope replaces this with BatchRows.
        ("etl_load_batch", FactBatchRows),
        ("etl_reject", $"{Everything} or load_batch_id in (select b.load_batch_id from etl_load_batch as b)"),
    ];

    private const string PrefixesFunction = """
        create or replace function governance_scope_prefixes() returns text[]
        language sql stable parallel safe
        as $fn$
            -- '*': every area (prefix ''); digits: those prefixes; unset or empty: nothing, or everything for the tables' owner.
            select case
                when setting.value = '*' then array['']
                when setting.value <> '' then array(select p from unnest(string_to_array(setting.value, ',')) as p where p ~ '^[0-9]{1,12}$')
                when pg_has_role(current_user, (select c.relowner from pg_class as c where c.oid = 'dim_area'::regclass), 'USAGE') then array['']
                else array[]::text[]
            end
            from (select coalesce(current_setting('governance.scope', true), '') as value) as setting
        $fn$;
        """;

    private const string EnclosingFunction = """
        create or replace function governance_scope_enclosing() returns text[]
        language sql stable parallel safe
        as $fn$
            -- The province, prefecture, county and township codes above each prefix of the scope.
            select coalesce(array_agg(distinct rpad(left(p, k), 12, '0')), array[]::text[])
            from unnest(governance_scope_prefixes()) as p
            cross join unnest(array[2, 4, 6, 9]) as k
            where k < length(p)
        $fn$;
        """;

    // Views run with their owner's rights unless security_invoker (PostgreSQL 15+) makes them check the caller's scope.
    private const string InvokerViews = """
        do $views$
        begin
            if current_setting('server_version_num')::int >= 150000 then
                alter view vw_indicator_value set (security_invoker = {0});
                alter view vw_village_income_by_year set (security_invoker = {0});
                alter view vw_compound_coverage_by_township_quarter set (security_invoker = {0});
            end if;
        end
        $views$;
        """;

    public static void Enable(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(PrefixesFunction);
        migrationBuilder.Sql(EnclosingFunction);
        foreach (var (table, rows) in Policies)
        {
            migrationBuilder.Sql($"alter table {table} enable row level security;");
            migrationBuilder.Sql($"alter table {table} force row level security;");
            migrationBuilder.Sql($"create policy governance_scope on {table} using ({rows});");
        }

        migrationBuilder.Sql(InvokerViews.Replace("{0}", "true", StringComparison.Ordinal));
    }

    /// <summary>The analyst views check the caller's scope (security_invoker, PostgreSQL 15+), or not: after views are made again.</summary>
    public static void SetInvokerViews(MigrationBuilder migrationBuilder, bool on)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(InvokerViews.Replace("{0}", on ? "true" : "false", StringComparison.Ordinal));
    }

    /// <summary>Migration BatchAreaScope: batches visible by the areas their file named (<see cref="BatchRows"/>).</summary>
    public static void ScopeBatchesByArea(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("drop policy governance_scope on etl_load_batch;");
        migrationBuilder.Sql($"create policy governance_scope on etl_load_batch using ({BatchRows});");
    }

    public static void ScopeBatchesByFacts(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql("drop policy governance_scope on etl_load_batch;");
        migrationBuilder.Sql($"create policy governance_scope on etl_load_batch using ({FactBatchRows});");
    }

    public static void Disable(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        migrationBuilder.Sql(InvokerViews.Replace("{0}", "false", StringComparison.Ordinal));
        foreach (var (table, _) in Policies.Reverse())
        {
            migrationBuilder.Sql($"drop policy governance_scope on {table};");
            migrationBuilder.Sql($"alter table {table} no force row level security;");
            migrationBuilder.Sql($"alter table {table} disable row level security;");
        }

        migrationBuilder.Sql("drop function governance_scope_enclosing();");
        migrationBuilder.Sql("drop function governance_scope_prefixes();");
    }
}
