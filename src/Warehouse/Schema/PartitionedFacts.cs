using System.Globalization;
using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Governance.Warehouse.Schema;

/// <summary>
/// PostgreSQL: <c>fct_indicator_value</c> and <c>fct_indicator_value_history</c> partitioned by year (declarative range
/// partitioning on <c>period_sk</c>, whose year is <c>period_sk / 1000</c>: see <see cref="PeriodSurrogateKey"/>), one
/// partition per year, <c>fct_indicator_value_y2024</c> holding <c>period_sk</c> 2024000 to 2024999. Every key includes the
/// partition key: the facts' primary key (area, period, indicator) already does; the history's becomes (id, period_sk).
/// Migration PartitionedFacts makes the tables and a partition for each year of the calendar and of the facts already
/// there; <c>governance_fact_partitions(years)</c> adds the missing ones, and the fact loader calls it, on a connection of
/// its own, for the years of a file before it writes. There is no default partition, so adding one takes no scan.
/// SQLite and SQL Server keep their single tables.
/// </summary>
public static class PartitionedFacts
{
    public const string Facts = "fct_indicator_value";
    public const string History = "fct_indicator_value_history";

    /// <summary>Creates the partitions of both tables for the given years that do not exist yet; returns how many it made.</summary>
    public static readonly string EnsureFunction = $"""
        create or replace function governance_fact_partitions(years integer[]) returns integer
        language plpgsql
        as $fn$
        declare
            y integer;
            t text;
            made integer := 0;
        begin
            foreach y in array coalesce((select array_agg(distinct v order by v) from unnest(years) as v where v is not null), array[]::integer[]) loop
                foreach t in array array['fct_indicator_value', 'fct_indicator_value_history'] loop
                    -- (while migration PartitionedFacts makes the first table, the second is not partitioned yet)
                    if to_regclass(format('%I', t || '_y' || y)) is null
                        and exists (select 1 from pg_partitioned_table where partrelid = to_regclass(format('%I', t))) then
                        -- A table of its own attached afterwards: attaching takes a SHARE UPDATE EXCLUSIVE lock on the
                        -- parent (readers go on); creating it as PARTITION OF would lock readers out.
                        execute format('create table %I (like %I including defaults including constraints)', t || '_y' || y, t);
                        execute format('alter table %I attach partition %I for values from (%s) to (%s)', t, t || '_y' || y, y * {PeriodSurrogateKey.PerYear}, (y + 1) * {PeriodSurrogateKey.PerYear});
                        -- Read through the parent, its policy applies; read directly (a role granted every table), the
                        -- partition's own, the same.
                        execute format('alter table %I enable row level security', t || '_y' || y);
                        execute format('alter table %I force row level security', t || '_y' || y);
                        if exists (select 1 from pg_policies where schemaname = current_schema() and tablename = t and policyname = 'governance_scope') then
                            execute format('create policy governance_scope on %I using (%s)', t || '_y' || y,
                                (select qual from pg_policies where schemaname = current_schema() and tablename = t and policyname = 'governance_scope'));
                        end if;
                        made := made + 1;
                    end if;
                end loop;
            end loop;
            return made;
        end
        $fn$;
        """;

    /// <summary>The SQL that makes sure the partitions of <paramref name="years"/> exist.</summary>
    public static string Ensure(IEnumerable<int> years)
    {
        ArgumentNullException.ThrowIfNull(years);
        return $"SELECT governance_fact_partitions(ARRAY[{string.Join(',', years.Distinct().Order().Select(y => y.ToString(CultureInfo.InvariantCulture)))}]::integer[])";
    }

    /// <summary>Migration PartitionedFacts: the tables become partitioned, their rows, keys, indexes, policies and grants kept.</summary>
    public static void Partition(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);

        // The views and the batches' policy depend on the facts table: they go first and are made again on the new one.
        AnalystViews.Drop(migrationBuilder);
        migrationBuilder.Sql("drop policy governance_scope on etl_load_batch;");
        migrationBuilder.Sql(EnsureFunction);
        migrationBuilder.Sql(Swap(Facts, "primary key (area_sk, period_sk, indicator_sk)", ["(indicator_sk, period_sk, area_sk)", "(load_batch_id)"], ["indicator_sk_period_sk_area_sk", "load_batch_id"]));
        migrationBuilder.Sql(Swap(History, "primary key (indicator_value_history_id, period_sk)", ["(area_sk, period_sk, indicator_sk)"], ["area_sk_period_sk_indicator_sk"]));
        migrationBuilder.Sql(Restore(Facts));
        migrationBuilder.Sql(Restore(History));
        migrationBuilder.Sql($"create policy governance_scope on etl_load_batch using ({RowLevelSecurity.BatchRows});");
        AnalystViews.Create(migrationBuilder);
        RowLevelSecurity.SetInvokerViews(migrationBuilder, on: true);
    }

    /// <summary>Back to single tables (Down of migration PartitionedFacts).</summary>
    public static void Unpartition(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        AnalystViews.Drop(migrationBuilder);
        migrationBuilder.Sql("drop policy governance_scope on etl_load_batch;");
        migrationBuilder.Sql(Unswap(Facts, "primary key (area_sk, period_sk, indicator_sk)", ["(indicator_sk, period_sk, area_sk)", "(load_batch_id)"], ["indicator_sk_period_sk_area_sk", "load_batch_id"]));
        migrationBuilder.Sql(Unswap(History, "primary key (indicator_value_history_id)", ["(area_sk, period_sk, indicator_sk)"], ["area_sk_period_sk_indicator_sk"]));
        migrationBuilder.Sql(Restore(Facts));
        migrationBuilder.Sql(Restore(History));
        migrationBuilder.Sql("drop function governance_fact_partitions(integer[]);");
        migrationBuilder.Sql($"create policy governance_scope on etl_load_batch using ({RowLevelSecurity.BatchRows});");
        AnalystViews.Create(migrationBuilder);
        RowLevelSecurity.SetInvokerViews(migrationBuilder, on: true);
    }

    /// <summary>
    /// The table renamed aside, a partitioned table of the same columns made under its name with a partition per year of
    /// the calendar (<see cref="WarehouseSeeder.FirstYear"/> to <see cref="WarehouseSeeder.LastYear"/>) and of its rows,
    /// the rows copied, the key and indexes made with their old names. Grants and policies: <see cref="Restore"/>.
    /// </summary>
    private static string Swap(string table, string key, string[] indexColumns, string[] indexNames)
    {
        var indexes = string.Concat(indexColumns.Select((columns, i) => $"create index ix_{table}_{indexNames[i]} on {table} {columns};\n"));
        var identity = table == History
            ? $"""
                alter table {table} alter column indicator_value_history_id add generated by default as identity;
                select setval(pg_get_serial_sequence('{table}', 'indicator_value_history_id'), coalesce((select max(indicator_value_history_id) from {table}_unpartitioned), 0) + 1, false);
                """
            : string.Empty;
        return $"""
            alter table {table} rename to {table}_unpartitioned;
            alter table {table}_unpartitioned rename constraint pk_{table} to pk_{table}_unpartitioned;
            {string.Concat(indexNames.Select(n => $"alter index ix_{table}_{n} rename to ix_{table}_{n}_unpartitioned;\n"))}
            create table {table} (like {table}_unpartitioned including defaults including constraints) partition by range (period_sk);
            {identity}
            alter table {table} add constraint pk_{table} {key};
            {indexes}
            select governance_fact_partitions(array(
                select generate_series({WarehouseSeeder.FirstYear}, {WarehouseSeeder.LastYear})
                union select distinct period_sk / {PeriodSurrogateKey.PerYear} from {table}_unpartitioned
                union select distinct year from dim_period));
            insert into {table} select * from {table}_unpartitioned;
            """;
    }

    private static string Unswap(string table, string key, string[] indexColumns, string[] indexNames)
    {
        var identity = table == History
            ? $"""
                alter table {table} alter column indicator_value_history_id add generated by default as identity;
                select setval(pg_get_serial_sequence('{table}', 'indicator_value_history_id'), coalesce((select max(indicator_value_history_id) from {table}_unpartitioned), 0) + 1, false);
                """
            : string.Empty;
        return $"""
            alter table {table} rename to {table}_unpartitioned;
            alter table {table}_unpartitioned rename constraint pk_{table} to pk_{table}_unpartitioned;
            {string.Concat(indexNames.Select(n => $"alter index ix_{table}_{n} rename to ix_{table}_{n}_unpartitioned;\n"))}
            create table {table} (like {table}_unpartitioned including defaults including constraints);
            insert into {table} select * from {table}_unpartitioned;
            {identity}
            alter table {table} add constraint pk_{table} {key};
            {string.Concat(indexColumns.Select((columns, i) => $"create index ix_{table}_{indexNames[i]} on {table} {columns};\n"))}
            """;
    }

    /// <summary>The old table's grants on the new one, the row-level security of migration RowLevelSecurity, the old table dropped.</summary>
    private static string Restore(string table) => $"""
        do $grants$
        declare g record;
        begin
            for g in select grantee, privilege_type from information_schema.role_table_grants
                     where table_schema = current_schema() and table_name = '{table}_unpartitioned' and grantee <> current_user loop
                execute format('grant %s on {table} to %s', g.privilege_type, case when g.grantee = 'PUBLIC' then 'public' else quote_ident(g.grantee) end);
            end loop;
        end
        $grants$;
        drop table {table}_unpartitioned;
        alter table {table} enable row level security;
        alter table {table} force row level security;
        create policy governance_scope on {table} using ({RowLevelSecurity.Policies.Single(p => p.Table == table).Rows});
        do $parts$
        declare p record;
        begin
            for p in select c.relname from pg_inherits as i join pg_class as c on c.oid = i.inhrelid
                     where i.inhparent = '{table}'::regclass and c.relkind = 'r' loop
                execute format('alter table %I enable row level security', p.relname);
                execute format('alter table %I force row level security', p.relname);
                execute format('create policy governance_scope on %I using (%s)', p.relname,
                    (select qual from pg_policies where schemaname = current_schema() and tablename = '{table}' and policyname = 'governance_scope'));
            end loop;
        end
        $parts$;
        """;
}
