-- Governance warehouse DDL for SqlServer, generated from src/Warehouse/Migrations/SqlServer.
-- Do not edit: run `dotnet run --project src/Etl -- ddl` after adding a migration.

IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [migration_id] nvarchar(150) NOT NULL,
        [product_version] nvarchar(32) NOT NULL,
        CONSTRAINT [pk___ef_migrations_history] PRIMARY KEY ([migration_id])
    );
END;
GO

CREATE TABLE [dim_area] (
    [area_sk] int NOT NULL IDENTITY,
    [area_code] varchar(12) NOT NULL,
    [name] nvarchar(100) NOT NULL,
    [level] nvarchar(16) NOT NULL,
    [kind] nvarchar(16) NOT NULL,
    [parent_code] varchar(12) NULL,
    [urban_rural_class] varchar(3) NULL,
    [valid_from] date NOT NULL,
    [valid_to] date NULL,
    [is_current] bit NOT NULL,
    [loaded_at] datetimeoffset NOT NULL,
    CONSTRAINT [pk_dim_area] PRIMARY KEY ([area_sk])
);
GO

CREATE TABLE [dim_area_lineage] (
    [area_code] varchar(12) NOT NULL,
    [replaced_code] varchar(12) NOT NULL,
    [effective_date] date NOT NULL,
    CONSTRAINT [pk_dim_area_lineage] PRIMARY KEY ([area_code], [replaced_code])
);
GO

CREATE TABLE [dim_indicator] (
    [indicator_sk] int NOT NULL IDENTITY,
    [indicator_code] varchar(40) NOT NULL,
    [name_zh] nvarchar(60) NOT NULL,
    [name_en] nvarchar(120) NOT NULL,
    [unit] nvarchar(16) NOT NULL,
    [category] nvarchar(40) NOT NULL,
    [definition] nvarchar(1000) NOT NULL,
    [is_derived] bit NOT NULL,
    [capture_level] nvarchar(32) NOT NULL,
    [native_grain] nvarchar(8) NOT NULL,
    [time_aggregation] nvarchar(8) NULL,
    [area_aggregation] nvarchar(32) NOT NULL,
    [numerator_code] varchar(40) NULL,
    [denominator_code] varchar(40) NULL,
    [weight_code] varchar(40) NULL,
    [threshold_parameter] varchar(40) NULL,
    [threshold_comparison] nvarchar(24) NULL,
    [scale] decimal(19,4) NOT NULL,
    [numerator_year_to_date] bit NOT NULL,
    [denominator_is_expected_units] bit NOT NULL,
    [min_value] decimal(19,4) NULL,
    [max_value] decimal(19,4) NULL,
    [is_flag] bit NOT NULL,
    [part_of_code] varchar(40) NULL,
    [sort_order] int NOT NULL,
    CONSTRAINT [pk_dim_indicator] PRIMARY KEY ([indicator_sk])
);
GO

CREATE TABLE [dim_period] (
    [period_sk] int NOT NULL,
    [period_key] varchar(8) NOT NULL,
    [grain] nvarchar(8) NOT NULL,
    [year] int NOT NULL,
    [quarter] int NULL,
    [month] int NULL,
    [start_date] date NOT NULL,
    [end_date] date NOT NULL,
    [parent_key] varchar(8) NULL,
    [year_key] varchar(8) NOT NULL,
    [quarter_key] varchar(8) NULL,
    [label] nvarchar(32) NOT NULL,
    CONSTRAINT [pk_dim_period] PRIMARY KEY ([period_sk])
);
GO

CREATE TABLE [etl_load_batch] (
    [load_batch_id] bigint NOT NULL IDENTITY,
    [kind] nvarchar(24) NOT NULL,
    [file_name] nvarchar(400) NOT NULL,
    [file_sha256] varchar(64) NOT NULL,
    [status] nvarchar(16) NOT NULL,
    [is_dry_run] bit NOT NULL,
    [rows_read] int NOT NULL,
    [rows_inserted] int NOT NULL,
    [rows_updated] int NOT NULL,
    [rows_unchanged] int NOT NULL,
    [rows_rejected] int NOT NULL,
    [warning_count] int NOT NULL,
    [message] nvarchar(2000) NULL,
    [started_at] datetimeoffset NOT NULL,
    [finished_at] datetimeoffset NULL,
    CONSTRAINT [pk_etl_load_batch] PRIMARY KEY ([load_batch_id])
);
GO

CREATE TABLE [ref_threshold_parameter] (
    [threshold_parameter_sk] int NOT NULL IDENTITY,
    [parameter_code] varchar(40) NOT NULL,
    [area_code] varchar(12) NULL,
    [valid_from] date NOT NULL,
    [valid_to] date NULL,
    [value] decimal(19,4) NOT NULL,
    [description] nvarchar(200) NOT NULL,
    CONSTRAINT [pk_ref_threshold_parameter] PRIMARY KEY ([threshold_parameter_sk])
);
GO

CREATE TABLE [etl_reject] (
    [load_reject_id] bigint NOT NULL IDENTITY,
    [load_batch_id] bigint NOT NULL,
    [sheet] nvarchar(100) NULL,
    [line_number] int NULL,
    [column_name] nvarchar(100) NULL,
    [rule] varchar(40) NOT NULL,
    [raw_value] nvarchar(400) NULL,
    [message] nvarchar(1000) NOT NULL,
    CONSTRAINT [pk_etl_reject] PRIMARY KEY ([load_reject_id]),
    CONSTRAINT [fk_etl_reject_etl_load_batch_load_batch_id] FOREIGN KEY ([load_batch_id]) REFERENCES [etl_load_batch] ([load_batch_id]) ON DELETE CASCADE
);
GO

CREATE TABLE [etl_warning] (
    [load_warning_id] bigint NOT NULL IDENTITY,
    [load_batch_id] bigint NOT NULL,
    [rule] varchar(40) NOT NULL,
    [area_code] varchar(12) NOT NULL,
    [period_key] varchar(8) NOT NULL,
    [indicator_code] varchar(40) NOT NULL,
    [value] decimal(19,4) NULL,
    [previous_value] decimal(19,4) NULL,
    [score] float NULL,
    [message] nvarchar(1000) NOT NULL,
    CONSTRAINT [pk_etl_warning] PRIMARY KEY ([load_warning_id]),
    CONSTRAINT [fk_etl_warning_etl_load_batch_load_batch_id] FOREIGN KEY ([load_batch_id]) REFERENCES [etl_load_batch] ([load_batch_id]) ON DELETE CASCADE
);
GO

CREATE TABLE [fct_indicator_value] (
    [area_sk] int NOT NULL,
    [period_sk] int NOT NULL,
    [indicator_sk] int NOT NULL,
    [value] decimal(19,4) NOT NULL,
    [status] nvarchar(16) NOT NULL,
    [note] nvarchar(400) NULL,
    [load_batch_id] bigint NOT NULL,
    [loaded_at] datetimeoffset NOT NULL,
    CONSTRAINT [pk_fct_indicator_value] PRIMARY KEY ([area_sk], [period_sk], [indicator_sk]),
    CONSTRAINT [fk_fct_indicator_value_dim_area_area_sk] FOREIGN KEY ([area_sk]) REFERENCES [dim_area] ([area_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_dim_indicator_indicator_sk] FOREIGN KEY ([indicator_sk]) REFERENCES [dim_indicator] ([indicator_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_dim_period_period_sk] FOREIGN KEY ([period_sk]) REFERENCES [dim_period] ([period_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_load_batches_load_batch_id] FOREIGN KEY ([load_batch_id]) REFERENCES [etl_load_batch] ([load_batch_id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [fct_indicator_value_history] (
    [indicator_value_history_id] bigint NOT NULL IDENTITY,
    [area_sk] int NOT NULL,
    [period_sk] int NOT NULL,
    [indicator_sk] int NOT NULL,
    [value] decimal(19,4) NOT NULL,
    [status] nvarchar(16) NOT NULL,
    [note] nvarchar(400) NULL,
    [load_batch_id] bigint NOT NULL,
    [loaded_at] datetimeoffset NOT NULL,
    [superseded_by_batch_id] bigint NOT NULL,
    [superseded_at] datetimeoffset NOT NULL,
    CONSTRAINT [pk_fct_indicator_value_history] PRIMARY KEY ([indicator_value_history_id]),
    CONSTRAINT [fk_fct_indicator_value_history_dim_area_area_sk] FOREIGN KEY ([area_sk]) REFERENCES [dim_area] ([area_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_history_dim_indicator_indicator_sk] FOREIGN KEY ([indicator_sk]) REFERENCES [dim_indicator] ([indicator_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_history_dim_period_period_sk] FOREIGN KEY ([period_sk]) REFERENCES [dim_period] ([period_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_history_load_batches_load_batch_id] FOREIGN KEY ([load_batch_id]) REFERENCES [etl_load_batch] ([load_batch_id]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_indicator_value_history_load_batches_superseded_by_batch_id] FOREIGN KEY ([superseded_by_batch_id]) REFERENCES [etl_load_batch] ([load_batch_id]) ON DELETE NO ACTION
);
GO

CREATE TABLE [fct_target] (
    [area_sk] int NOT NULL,
    [indicator_sk] int NOT NULL,
    [period_sk] int NOT NULL,
    [target_value] decimal(19,4) NOT NULL,
    [load_batch_id] bigint NOT NULL,
    [loaded_at] datetimeoffset NOT NULL,
    CONSTRAINT [pk_fct_target] PRIMARY KEY ([area_sk], [indicator_sk], [period_sk]),
    CONSTRAINT [fk_fct_target_dim_area_area_sk] FOREIGN KEY ([area_sk]) REFERENCES [dim_area] ([area_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_target_dim_indicator_indicator_sk] FOREIGN KEY ([indicator_sk]) REFERENCES [dim_indicator] ([indicator_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_target_dim_period_period_sk] FOREIGN KEY ([period_sk]) REFERENCES [dim_period] ([period_sk]) ON DELETE NO ACTION,
    CONSTRAINT [fk_fct_target_etl_load_batch_load_batch_id] FOREIGN KEY ([load_batch_id]) REFERENCES [etl_load_batch] ([load_batch_id]) ON DELETE NO ACTION
);
GO

CREATE UNIQUE INDEX [ix_dim_area_area_code_valid_from] ON [dim_area] ([area_code], [valid_from]);
GO

CREATE INDEX [ix_dim_area_level_area_code] ON [dim_area] ([level], [area_code]);
GO

CREATE INDEX [ix_dim_area_parent_code_is_current] ON [dim_area] ([parent_code], [is_current]);
GO

CREATE INDEX [ix_dim_area_lineage_replaced_code] ON [dim_area_lineage] ([replaced_code]);
GO

CREATE UNIQUE INDEX [ix_dim_indicator_indicator_code] ON [dim_indicator] ([indicator_code]);
GO

CREATE UNIQUE INDEX [ix_dim_indicator_name_zh] ON [dim_indicator] ([name_zh]);
GO

CREATE INDEX [ix_dim_period_grain_start_date] ON [dim_period] ([grain], [start_date]);
GO

CREATE UNIQUE INDEX [ix_dim_period_period_key] ON [dim_period] ([period_key]);
GO

CREATE INDEX [ix_etl_load_batch_file_sha256_status] ON [etl_load_batch] ([file_sha256], [status]);
GO

CREATE INDEX [ix_etl_reject_load_batch_id] ON [etl_reject] ([load_batch_id]);
GO

CREATE INDEX [ix_etl_warning_load_batch_id] ON [etl_warning] ([load_batch_id]);
GO

CREATE INDEX [ix_fct_indicator_value_indicator_sk_period_sk_area_sk] ON [fct_indicator_value] ([indicator_sk], [period_sk], [area_sk]);
GO

CREATE INDEX [ix_fct_indicator_value_load_batch_id] ON [fct_indicator_value] ([load_batch_id]);
GO

CREATE INDEX [ix_fct_indicator_value_period_sk] ON [fct_indicator_value] ([period_sk]);
GO

CREATE INDEX [ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk] ON [fct_indicator_value_history] ([area_sk], [period_sk], [indicator_sk]);
GO

CREATE INDEX [ix_fct_indicator_value_history_indicator_sk] ON [fct_indicator_value_history] ([indicator_sk]);
GO

CREATE INDEX [ix_fct_indicator_value_history_load_batch_id] ON [fct_indicator_value_history] ([load_batch_id]);
GO

CREATE INDEX [ix_fct_indicator_value_history_period_sk] ON [fct_indicator_value_history] ([period_sk]);
GO

CREATE INDEX [ix_fct_indicator_value_history_superseded_by_batch_id] ON [fct_indicator_value_history] ([superseded_by_batch_id]);
GO

CREATE INDEX [ix_fct_target_indicator_sk_period_sk] ON [fct_target] ([indicator_sk], [period_sk]);
GO

CREATE INDEX [ix_fct_target_load_batch_id] ON [fct_target] ([load_batch_id]);
GO

CREATE INDEX [ix_fct_target_period_sk] ON [fct_target] ([period_sk]);
GO

CREATE UNIQUE INDEX [ix_ref_threshold_parameter_parameter_code_area_code_valid_from] ON [ref_threshold_parameter] ([parameter_code], [area_code], [valid_from]) WHERE [area_code] IS NOT NULL;
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261125200331_InitialSchema', N'10.0.15');
GO

ALTER TABLE [ref_threshold_parameter] ADD CONSTRAINT [ck_ref_threshold_parameter_validity] CHECK (valid_to IS NULL OR valid_to >= valid_from);
GO

ALTER TABLE [dim_period] ADD CONSTRAINT [ck_dim_period_dates] CHECK (end_date >= start_date);
GO

ALTER TABLE [dim_area] ADD CONSTRAINT [ck_dim_area_validity] CHECK (valid_to IS NULL OR valid_to >= valid_from);
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261125201112_ValidityChecks', N'10.0.15');
GO

CREATE TABLE [sec_api_key] (
    [api_key_id] bigint NOT NULL IDENTITY,
    [name] nvarchar(100) NOT NULL,
    [key_hash] varchar(64) NOT NULL,
    [role] varchar(16) NOT NULL,
    [area_codes] varchar(1000) NOT NULL,
    [is_trusted_documents_only] bit NOT NULL,
    [created_at] datetimeoffset NOT NULL,
    [revoked_at] datetimeoffset NULL,
    CONSTRAINT [pk_sec_api_key] PRIMARY KEY ([api_key_id])
);
GO

CREATE UNIQUE INDEX [ix_sec_api_key_key_hash] ON [sec_api_key] ([key_hash]);
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261125202314_ApiKeys', N'10.0.15');
GO

create view vw_indicator_value as
-- vw_indicator_value: one row per reported value (fct_indicator_value), flat, with the code and name of its area,
-- the key, grain and label of its period, and the code, names and unit of its indicator.
-- Grain: one row per area version, period and indicator. Values are as loaded (not aggregated).
with

indicator_values as (
    select * from fct_indicator_value
),

areas as (
    select * from dim_area
),

periods as (
    select * from dim_period
),

indicators as (
    select * from dim_indicator
),

final as (
    select
        areas.area_code as area_code,
        areas.name as area_name,
        areas.level as area_level,
        areas.kind as area_kind,
        areas.parent_code as parent_code,
        areas.urban_rural_class as urban_rural_class,
        periods.period_key as period_key,
        periods.grain as period_grain,
        periods.year as period_year,
        periods.quarter as period_quarter,
        periods.month as period_month,
        periods.start_date as period_start_date,
        periods.end_date as period_end_date,
        periods.label as period_label,
        indicators.indicator_code as indicator_code,
        indicators.name_zh as indicator_name,
        indicators.name_en as indicator_name_en,
        indicators.unit as unit,
        indicator_values.value as value,
        indicator_values.status as status,
        indicator_values.load_batch_id as load_batch_id
    from indicator_values
    inner join areas
        on indicator_values.area_sk = areas.area_sk
    inner join periods
        on indicator_values.period_sk = periods.period_sk
    inner join indicators
        on indicator_values.indicator_sk = indicators.indicator_sk
)

select * from final;

GO

create view vw_village_income_by_year as
-- vw_village_income_by_year: the collective-economy figures of each administrative village (村委会) per year, one
-- column per indicator, in 万元. A village that reported nothing for an indicator has null there, not 0.
-- Grain: one row per village code and year (as reported: merged villages keep their old codes for old years).
with

indicator_values as (
    select * from vw_indicator_value
),

village_income as (
    select
        area_code,
        area_name,
        parent_code,
        period_year,
        indicator_code,
        value
    from indicator_values
    where area_kind = 'Village'
        and period_grain = 'Year'
        and indicator_code in ('CE_TOTAL_INCOME', 'CE_OPERATING_INCOME', 'CE_SUBSIDY_INCOME', 'CE_OPERATING_PROFIT', 'CE_ASSETS')
),

final as (
    select
        area_code as village_code,
        max(area_name) as village_name,
        parent_code as township_code,
        period_year as period_year,
        sum(case when indicator_code = 'CE_TOTAL_INCOME' then value end) as total_income,
        sum(case when indicator_code = 'CE_OPERATING_INCOME' then value end) as operating_income,
        sum(case when indicator_code = 'CE_SUBSIDY_INCOME' then value end) as subsidy_income,
        sum(case when indicator_code = 'CE_OPERATING_PROFIT' then value end) as operating_profit,
        sum(case when indicator_code = 'CE_ASSETS' then value end) as assets
    from village_income
    group by area_code, parent_code, period_year
)

select * from final;

GO

create view vw_compound_coverage_by_township_quarter as
-- vw_compound_coverage_by_township_quarter: residential compounds (住宅小区) and those with a party organisation
-- (建立党组织的小区) summed over the communities of each township per quarter, and the coverage (小区建制式党组织
-- 覆盖率) as summed numerator over summed denominator x 100, never an average of community rates.
-- Grain: one row per township code and quarter in which at least one community reported.
with

indicator_values as (
    select * from vw_indicator_value
),

community_compounds as (
    select
        parent_code as township_code,
        area_code,
        period_key,
        period_year,
        period_quarter,
        indicator_code,
        value
    from indicator_values
    where area_kind = 'Community'
        and period_grain = 'Quarter'
        and indicator_code in ('ORG_COMPOUNDS', 'ORG_COMPOUNDS_WITH_BRANCH')
),

township_totals as (
    select
        township_code,
        period_key,
        period_year,
        period_quarter,
        sum(case when indicator_code = 'ORG_COMPOUNDS' then value end) as compounds,
        sum(case when indicator_code = 'ORG_COMPOUNDS_WITH_BRANCH' then value end) as compounds_with_branch,
        count(distinct case when indicator_code = 'ORG_COMPOUNDS' then area_code end) as reporting_communities
    from community_compounds
    group by township_code, period_key, period_year, period_quarter
),

final as (
    select
        township_code,
        period_key,
        period_year,
        period_quarter,
        compounds,
        compounds_with_branch,
        reporting_communities,
        case when compounds > 0 then 100.0 * compounds_with_branch / compounds end as coverage_percent
    from township_totals
)

select * from final;

GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261125214421_AnalystViews', N'10.0.15');
GO

ALTER TABLE [fct_indicator_value] DROP CONSTRAINT [fk_fct_indicator_value_dim_area_area_sk];
GO

ALTER TABLE [fct_indicator_value] DROP CONSTRAINT [fk_fct_indicator_value_dim_indicator_indicator_sk];
GO

ALTER TABLE [fct_indicator_value] DROP CONSTRAINT [fk_fct_indicator_value_dim_period_period_sk];
GO

ALTER TABLE [fct_indicator_value] DROP CONSTRAINT [fk_fct_indicator_value_load_batches_load_batch_id];
GO

ALTER TABLE [fct_indicator_value_history] DROP CONSTRAINT [fk_fct_indicator_value_history_dim_area_area_sk];
GO

ALTER TABLE [fct_indicator_value_history] DROP CONSTRAINT [fk_fct_indicator_value_history_dim_indicator_indicator_sk];
GO

ALTER TABLE [fct_indicator_value_history] DROP CONSTRAINT [fk_fct_indicator_value_history_dim_period_period_sk];
GO

ALTER TABLE [fct_indicator_value_history] DROP CONSTRAINT [fk_fct_indicator_value_history_load_batches_load_batch_id];
GO

ALTER TABLE [fct_indicator_value_history] DROP CONSTRAINT [fk_fct_indicator_value_history_load_batches_superseded_by_batch_id];
GO

DROP INDEX [ix_fct_indicator_value_history_indicator_sk] ON [fct_indicator_value_history];
GO

DROP INDEX [ix_fct_indicator_value_history_load_batch_id] ON [fct_indicator_value_history];
GO

DROP INDEX [ix_fct_indicator_value_history_period_sk] ON [fct_indicator_value_history];
GO

DROP INDEX [ix_fct_indicator_value_history_superseded_by_batch_id] ON [fct_indicator_value_history];
GO

DROP INDEX [ix_fct_indicator_value_period_sk] ON [fct_indicator_value];
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261126032952_FactTablesWithoutForeignKeys', N'10.0.15');
GO

ALTER TABLE [etl_load_batch] ADD [area_code_prefix] varchar(12) NULL;
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261202052706_BatchAreaScope', N'10.0.15');
GO

CREATE TABLE [warehouse_version] (
    [id] int NOT NULL,
    [version] bigint NOT NULL,
    [changed_at] datetimeoffset NOT NULL,
    CONSTRAINT [pk_warehouse_version] PRIMARY KEY ([id]),
    CONSTRAINT [ck_warehouse_version_single_row] CHECK (id = 1)
);
GO

IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'id', N'changed_at', N'version') AND [object_id] = OBJECT_ID(N'[warehouse_version]'))
    SET IDENTITY_INSERT [warehouse_version] ON;
INSERT INTO [warehouse_version] ([id], [changed_at], [version])
VALUES (1, '2026-01-01T00:00:00.0000000+00:00', CAST(1 AS bigint));
IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'id', N'changed_at', N'version') AND [object_id] = OBJECT_ID(N'[warehouse_version]'))
    SET IDENTITY_INSERT [warehouse_version] OFF;
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261202143202_WarehouseVersion', N'10.0.15');
GO

CREATE TABLE [saved_report] (
    [name] varchar(64) NOT NULL,
    [title] nvarchar(200) NULL,
    [document] nvarchar(max) NOT NULL,
    [created_at] datetimeoffset NOT NULL,
    [updated_at] datetimeoffset NOT NULL,
    CONSTRAINT [pk_saved_report] PRIMARY KEY ([name])
);
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261202151535_SavedReports', N'10.0.15');
GO

CREATE TABLE [agg_distribution] (
    [indicator_sk] int NOT NULL,
    [period_sk] int NOT NULL,
    [prefix] varchar(9) NOT NULL,
    [count] int NOT NULL,
    [mean] float NULL,
    [std_dev] float NULL,
    [min] float NULL,
    [p10] float NULL,
    [q1] float NULL,
    [median] float NULL,
    [q3] float NULL,
    [p90] float NULL,
    [max] float NULL,
    [gini] float NULL,
    [band_counts] varchar(400) NOT NULL,
    CONSTRAINT [pk_agg_distribution] PRIMARY KEY ([indicator_sk], [period_sk], [prefix])
);
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261203090938_DistributionRollups', N'10.0.15');
GO

CREATE TABLE [agg_expected] (
    [capture_level] nvarchar(32) NOT NULL,
    [grain] nvarchar(8) NOT NULL,
    [area_level] int NOT NULL,
    [area_code] varchar(12) NOT NULL,
    [period_sk] int NOT NULL,
    [unit_count] int NOT NULL,
    CONSTRAINT [pk_agg_expected] PRIMARY KEY ([capture_level], [grain], [area_level], [area_code], [period_sk])
);
GO

CREATE TABLE [agg_input] (
    [input_sk] int NOT NULL IDENTITY,
    [signature] varchar(200) NOT NULL,
    [grain] nvarchar(8) NOT NULL,
    [indicator_sk] int NOT NULL,
    [window_mode] varchar(16) NOT NULL,
    [weight_indicator_sk] int NULL,
    [threshold_parameter] varchar(40) NULL,
    [threshold_comparison] nvarchar(24) NULL,
    [sum_scale] int NOT NULL,
    CONSTRAINT [pk_agg_input] PRIMARY KEY ([input_sk])
);
GO

CREATE TABLE [agg_state] (
    [id] int NOT NULL,
    [version] bigint NOT NULL,
    [first_year] int NULL,
    [last_year] int NULL,
    [rebuilt_at] datetimeoffset NULL,
    CONSTRAINT [pk_agg_state] PRIMARY KEY ([id]),
    CONSTRAINT [ck_agg_state_single_row] CHECK (id = 1)
);
GO

CREATE TABLE [agg_total] (
    [input_sk] int NOT NULL,
    [area_level] int NOT NULL,
    [area_code] varchar(12) NOT NULL,
    [period_sk] int NOT NULL,
    [value_sum] bigint NOT NULL,
    [weight_sum] bigint NOT NULL,
    [meeting_count] int NOT NULL,
    [unit_count] int NOT NULL,
    CONSTRAINT [pk_agg_total] PRIMARY KEY ([input_sk], [area_level], [area_code], [period_sk])
);
GO

CREATE UNIQUE INDEX [ix_agg_input_signature_grain] ON [agg_input] ([signature], [grain]);
GO

INSERT INTO agg_state (id, version, first_year, last_year, rebuilt_at)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM fct_indicator_value) THEN 0 ELSE w.version END, NULL, NULL, NULL
FROM warehouse_version w
WHERE w.id = 1;
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261203095411_Rollups', N'10.0.15');
GO

CREATE TABLE [sec_request_count] (
    [caller] varchar(80) NOT NULL,
    [window_start_epoch] bigint NOT NULL,
    [granted] bigint NOT NULL,
    CONSTRAINT [pk_sec_request_count] PRIMARY KEY ([caller], [window_start_epoch])
);
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261203125321_SharedRequestCounts', N'10.0.15');
GO

CREATE TABLE [agg_ranking] (
    [indicator_sk] int NOT NULL,
    [period_sk] int NOT NULL,
    [prefix] varchar(9) NOT NULL,
    [measure] varchar(16) NOT NULL,
    [is_descending] bit NOT NULL,
    [rank] int NOT NULL,
    [area_code] varchar(12) NOT NULL,
    [sort_value] float NOT NULL,
    [area_unit_count] int NOT NULL,
    CONSTRAINT [pk_agg_ranking] PRIMARY KEY ([indicator_sk], [period_sk], [prefix], [measure], [is_descending], [rank])
);
GO

INSERT INTO [__EFMigrationsHistory] ([migration_id], [product_version])
VALUES (N'20261203130611_RankingRollups', N'10.0.15');
GO
