-- Governance warehouse: row-level security for SQL Server 2016+ and Azure SQL, the counterpart of the PostgreSQL
-- policies of src/Warehouse/Schema/RowLevelSecurity.cs (migration RowLevelSecurity). The SQL Server migrations do not
-- create it: a DBA runs this script once, after `governance migrate`, as db_owner (sqlcmd -i, or SSMS: batches split on GO).
-- It was written without a SQL Server to run on; tests/Warehouse.Tests/Schema/SqlServerSecurityPolicyTests.cs checks
-- that it covers every table the PostgreSQL policies cover, and applies it where GOVERNANCE_TEST_SQLSERVER names a server.
--
-- The scope is SESSION_CONTEXT(N'governance.scope'), which the API sets on every connection it opens for a request
-- (EXEC sys.sp_set_session_context N'governance.scope', N'361102101', @read_only = 1):
--   '*'                 every area (a county-wide or admin principal);
--   '361102101,3611031' the areas whose code starts with one of these prefixes;
--   unset               nothing, except for members of db_owner (the ETL, migrations and `governance keys`).
-- The filter predicates hide rows from SELECT, UPDATE and DELETE; the API's login should be a database user that is not
-- db_owner, with SELECT only (see README, Security). SQL Server applies a security policy to every user, dbo included.

create schema governance_security;
go

-- True when the scope covers the area code: '*', a prefix of it, or unset for db_owner.
create function governance_security.fn_scope_covers(@area_code varchar(12))
returns table
with schemabinding
as
return
    select 1 as visible
    where cast(session_context(N'governance.scope') as nvarchar(4000)) = N'*'
        or (session_context(N'governance.scope') is null and is_member('db_owner') = 1)
        or exists (
            select 1
            from string_split(cast(session_context(N'governance.scope') as nvarchar(4000)), N',') as prefix
            where prefix.value <> N'' and prefix.value not like N'%[^0-9]%' and @area_code like prefix.value + N'%'
        );
go

-- Areas of the scope and the province, prefecture, county and township codes above it (labels of roll-ups above the scope).
create function governance_security.fn_scope_sees_area(@area_code varchar(12))
returns table
with schemabinding
as
return
    select 1 as visible
    where exists (select 1 from governance_security.fn_scope_covers(@area_code))
        or exists (
            select 1
            from string_split(cast(session_context(N'governance.scope') as nvarchar(4000)), N',') as prefix
            cross join (values (2), (4), (6), (9)) as digits (n)
            where prefix.value not like N'%[^0-9]%' and digits.n < len(prefix.value)
                and @area_code = left(left(prefix.value, digits.n) + replicate('0', 12), 12)
        );
go

-- Facts and targets: rows of the scope's areas only (not of the areas above it).
create function governance_security.fn_scope_sees_area_sk(@area_sk int)
returns table
with schemabinding
as
return
    select 1 as visible
    from dbo.dim_area as area
    cross apply governance_security.fn_scope_covers(area.area_code) as covered
    where area.area_sk = @area_sk;
go

create function governance_security.fn_scope_sees_lineage(@area_code varchar(12), @replaced_code varchar(12))
returns table
with schemabinding
as
return
    select 1 as visible
    where exists (select 1 from governance_security.fn_scope_covers(@area_code))
        or exists (select 1 from governance_security.fn_scope_covers(@replaced_code));
go

-- Threshold parameters: the global ones (no area) and those of the scope's areas and the areas above it.
create function governance_security.fn_scope_sees_parameter(@area_code varchar(12))
returns table
with schemabinding
as
return
    select 1 as visible
    where @area_code is null or exists (select 1 from governance_security.fn_scope_sees_area(@area_code));
go

-- Load batches: a batch whose file named areas (area_code_prefix, the common prefix of its codes) is visible when all of
-- them lie inside the scope, whatever became of it; an older batch without a prefix when a fact or target it wrote is
-- (those reads are filtered in turn). Migration BatchAreaScope on PostgreSQL has the same rule.
create function governance_security.fn_scope_sees_batch(@load_batch_id bigint, @area_code_prefix varchar(12))
returns table
with schemabinding
as
return
    select 1 as visible
    where cast(session_context(N'governance.scope') as nvarchar(4000)) = N'*'
        or (session_context(N'governance.scope') is null and is_member('db_owner') = 1)
        or (@area_code_prefix is not null and exists (select 1 from governance_security.fn_scope_covers(@area_code_prefix)))
        or (@area_code_prefix is null and (
            exists (select 1 from dbo.fct_indicator_value as v where v.load_batch_id = @load_batch_id)
            or exists (select 1 from dbo.fct_target as t where t.load_batch_id = @load_batch_id)));
go

-- Rejects: those of the batches the scope sees.
create function governance_security.fn_scope_sees_reject(@load_batch_id bigint)
returns table
with schemabinding
as
return
    select 1 as visible
    from dbo.etl_load_batch as b
    cross apply governance_security.fn_scope_sees_batch(b.load_batch_id, b.area_code_prefix) as seen
    where b.load_batch_id = @load_batch_id;
go

create security policy governance_security.governance_scope
    add filter predicate governance_security.fn_scope_sees_area(area_code) on dbo.dim_area,
    add filter predicate governance_security.fn_scope_sees_lineage(area_code, replaced_code) on dbo.dim_area_lineage,
    add filter predicate governance_security.fn_scope_sees_area_sk(area_sk) on dbo.fct_indicator_value,
    add filter predicate governance_security.fn_scope_sees_area_sk(area_sk) on dbo.fct_indicator_value_history,
    add filter predicate governance_security.fn_scope_sees_area_sk(area_sk) on dbo.fct_target,
    add filter predicate governance_security.fn_scope_sees_parameter(area_code) on dbo.ref_threshold_parameter,
    add filter predicate governance_security.fn_scope_covers(area_code) on dbo.etl_warning,
    add filter predicate governance_security.fn_scope_sees_batch(load_batch_id, area_code_prefix) on dbo.etl_load_batch,
    add filter predicate governance_security.fn_scope_sees_reject(load_batch_id) on dbo.etl_reject,
    -- Roll-ups (migration Rollups): a row is an area's total, visible inside the scope only (a county's total is not a
    -- township's to see).
    add filter predicate governance_security.fn_scope_covers(area_code) on dbo.agg_total,
    add filter predicate governance_security.fn_scope_covers(area_code) on dbo.agg_expected
with (state = on, schemabinding = on);
go

-- To remove it: drop security policy governance_security.governance_scope; then drop the seven functions and the schema.
-- A database that ran an earlier version of this script: remove it so, then run this one (migration BatchAreaScope
-- added etl_load_batch.area_code_prefix, which fn_scope_sees_batch now reads; migration Rollups added the agg_ tables).
