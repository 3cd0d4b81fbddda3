-- Governance warehouse DDL for Sqlite, generated from src/Warehouse/Migrations/Sqlite.
-- Do not edit: run `dotnet run --project src/Etl -- ddl` after adding a migration.

CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "migration_id" TEXT NOT NULL CONSTRAINT "pk___ef_migrations_history" PRIMARY KEY,
    "product_version" TEXT NOT NULL
);

CREATE TABLE "dim_area" (
    "area_sk" INTEGER NOT NULL CONSTRAINT "pk_dim_area" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "urban_rural_class" TEXT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL,
    "is_current" INTEGER NOT NULL,
    "loaded_at" TEXT NOT NULL
);

CREATE TABLE "dim_area_lineage" (
    "area_code" TEXT NOT NULL,
    "replaced_code" TEXT NOT NULL,
    "effective_date" TEXT NOT NULL,
    CONSTRAINT "pk_dim_area_lineage" PRIMARY KEY ("area_code", "replaced_code")
);

CREATE TABLE "dim_indicator" (
    "indicator_sk" INTEGER NOT NULL CONSTRAINT "pk_dim_indicator" PRIMARY KEY AUTOINCREMENT,
    "indicator_code" TEXT NOT NULL,
    "name_zh" TEXT NOT NULL,
    "name_en" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "is_derived" INTEGER NOT NULL,
    "capture_level" TEXT NOT NULL,
    "native_grain" TEXT NOT NULL,
    "time_aggregation" TEXT NULL,
    "area_aggregation" TEXT NOT NULL,
    "numerator_code" TEXT NULL,
    "denominator_code" TEXT NULL,
    "weight_code" TEXT NULL,
    "threshold_parameter" TEXT NULL,
    "threshold_comparison" TEXT NULL,
    "scale" NUMERIC NOT NULL,
    "numerator_year_to_date" INTEGER NOT NULL,
    "denominator_is_expected_units" INTEGER NOT NULL,
    "min_value" NUMERIC NULL,
    "max_value" NUMERIC NULL,
    "is_flag" INTEGER NOT NULL,
    "part_of_code" TEXT NULL,
    "sort_order" INTEGER NOT NULL
);

CREATE TABLE "dim_period" (
    "period_sk" INTEGER NOT NULL CONSTRAINT "pk_dim_period" PRIMARY KEY,
    "period_key" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "quarter" INTEGER NULL,
    "month" INTEGER NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NOT NULL,
    "parent_key" TEXT NULL,
    "year_key" TEXT NOT NULL,
    "quarter_key" TEXT NULL,
    "label" TEXT NOT NULL
);

CREATE TABLE "etl_load_batch" (
    "load_batch_id" INTEGER NOT NULL CONSTRAINT "pk_etl_load_batch" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_sha256" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "is_dry_run" INTEGER NOT NULL,
    "rows_read" INTEGER NOT NULL,
    "rows_inserted" INTEGER NOT NULL,
    "rows_updated" INTEGER NOT NULL,
    "rows_unchanged" INTEGER NOT NULL,
    "rows_rejected" INTEGER NOT NULL,
    "warning_count" INTEGER NOT NULL,
    "message" TEXT NULL,
    "started_at" TEXT NOT NULL,
    "finished_at" TEXT NULL
);

CREATE TABLE "ref_threshold_parameter" (
    "threshold_parameter_sk" INTEGER NOT NULL CONSTRAINT "pk_ref_threshold_parameter" PRIMARY KEY AUTOINCREMENT,
    "parameter_code" TEXT NOT NULL,
    "area_code" TEXT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL,
    "value" NUMERIC NOT NULL,
    "description" TEXT NOT NULL
);

CREATE TABLE "etl_reject" (
    "load_reject_id" INTEGER NOT NULL CONSTRAINT "pk_etl_reject" PRIMARY KEY AUTOINCREMENT,
    "load_batch_id" INTEGER NOT NULL,
    "sheet" TEXT NULL,
    "line_number" INTEGER NULL,
    "column_name" TEXT NULL,
    "rule" TEXT NOT NULL,
    "raw_value" TEXT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "fk_etl_reject_etl_load_batch_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE CASCADE
);

CREATE TABLE "etl_warning" (
    "load_warning_id" INTEGER NOT NULL CONSTRAINT "pk_etl_warning" PRIMARY KEY AUTOINCREMENT,
    "load_batch_id" INTEGER NOT NULL,
    "rule" TEXT NOT NULL,
    "area_code" TEXT NOT NULL,
    "period_key" TEXT NOT NULL,
    "indicator_code" TEXT NOT NULL,
    "value" NUMERIC NULL,
    "previous_value" NUMERIC NULL,
    "score" REAL NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "fk_etl_warning_etl_load_batch_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE CASCADE
);

CREATE TABLE "fct_indicator_value" (
    "area_sk" INTEGER NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "indicator_sk" INTEGER NOT NULL,
    "value" NUMERIC NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NULL,
    "load_batch_id" INTEGER NOT NULL,
    "loaded_at" TEXT NOT NULL,
    CONSTRAINT "pk_fct_indicator_value" PRIMARY KEY ("area_sk", "period_sk", "indicator_sk"),
    CONSTRAINT "fk_fct_indicator_value_dim_area_area_sk" FOREIGN KEY ("area_sk") REFERENCES "dim_area" ("area_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_dim_indicator_indicator_sk" FOREIGN KEY ("indicator_sk") REFERENCES "dim_indicator" ("indicator_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_dim_period_period_sk" FOREIGN KEY ("period_sk") REFERENCES "dim_period" ("period_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_load_batches_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT
);

CREATE TABLE "fct_indicator_value_history" (
    "indicator_value_history_id" INTEGER NOT NULL CONSTRAINT "pk_fct_indicator_value_history" PRIMARY KEY AUTOINCREMENT,
    "area_sk" INTEGER NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "indicator_sk" INTEGER NOT NULL,
    "value" NUMERIC NOT NULL,
    "status" TEXT NOT NULL,
    "note" TEXT NULL,
    "load_batch_id" INTEGER NOT NULL,
    "loaded_at" TEXT NOT NULL,
    "superseded_by_batch_id" INTEGER NOT NULL,
    "superseded_at" TEXT NOT NULL,
    CONSTRAINT "fk_fct_indicator_value_history_dim_area_area_sk" FOREIGN KEY ("area_sk") REFERENCES "dim_area" ("area_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_history_dim_indicator_indicator_sk" FOREIGN KEY ("indicator_sk") REFERENCES "dim_indicator" ("indicator_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_history_dim_period_period_sk" FOREIGN KEY ("period_sk") REFERENCES "dim_period" ("period_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_history_load_batches_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_indicator_value_history_load_batches_superseded_by_batch_id" FOREIGN KEY ("superseded_by_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT
);

CREATE TABLE "fct_target" (
    "area_sk" INTEGER NOT NULL,
    "indicator_sk" INTEGER NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "target_value" NUMERIC NOT NULL,
    "load_batch_id" INTEGER NOT NULL,
    "loaded_at" TEXT NOT NULL,
    CONSTRAINT "pk_fct_target" PRIMARY KEY ("area_sk", "indicator_sk", "period_sk"),
    CONSTRAINT "fk_fct_target_dim_area_area_sk" FOREIGN KEY ("area_sk") REFERENCES "dim_area" ("area_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_target_dim_indicator_indicator_sk" FOREIGN KEY ("indicator_sk") REFERENCES "dim_indicator" ("indicator_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_target_dim_period_period_sk" FOREIGN KEY ("period_sk") REFERENCES "dim_period" ("period_sk") ON DELETE RESTRICT,
    CONSTRAINT "fk_fct_target_etl_load_batch_load_batch_id" FOREIGN KEY ("load_batch_id") REFERENCES "etl_load_batch" ("load_batch_id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "ix_dim_area_area_code_valid_from" ON "dim_area" ("area_code", "valid_from");

CREATE INDEX "ix_dim_area_level_area_code" ON "dim_area" ("level", "area_code");

CREATE INDEX "ix_dim_area_parent_code_is_current" ON "dim_area" ("parent_code", "is_current");

CREATE INDEX "ix_dim_area_lineage_replaced_code" ON "dim_area_lineage" ("replaced_code");

CREATE UNIQUE INDEX "ix_dim_indicator_indicator_code" ON "dim_indicator" ("indicator_code");

CREATE UNIQUE INDEX "ix_dim_indicator_name_zh" ON "dim_indicator" ("name_zh");

CREATE INDEX "ix_dim_period_grain_start_date" ON "dim_period" ("grain", "start_date");

CREATE UNIQUE INDEX "ix_dim_period_period_key" ON "dim_period" ("period_key");

CREATE INDEX "ix_etl_load_batch_file_sha256_status" ON "etl_load_batch" ("file_sha256", "status");

CREATE INDEX "ix_etl_reject_load_batch_id" ON "etl_reject" ("load_batch_id");

CREATE INDEX "ix_etl_warning_load_batch_id" ON "etl_warning" ("load_batch_id");

CREATE INDEX "ix_fct_indicator_value_indicator_sk_period_sk_area_sk" ON "fct_indicator_value" ("indicator_sk", "period_sk", "area_sk");

CREATE INDEX "ix_fct_indicator_value_load_batch_id" ON "fct_indicator_value" ("load_batch_id");

CREATE INDEX "ix_fct_indicator_value_period_sk" ON "fct_indicator_value" ("period_sk");

CREATE INDEX "ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk" ON "fct_indicator_value_history" ("area_sk", "period_sk", "indicator_sk");

CREATE INDEX "ix_fct_indicator_value_history_indicator_sk" ON "fct_indicator_value_history" ("indicator_sk");

CREATE INDEX "ix_fct_indicator_value_history_load_batch_id" ON "fct_indicator_value_history" ("load_batch_id");

CREATE INDEX "ix_fct_indicator_value_history_period_sk" ON "fct_indicator_value_history" ("period_sk");

CREATE INDEX "ix_fct_indicator_value_history_superseded_by_batch_id" ON "fct_indicator_value_history" ("superseded_by_batch_id");

CREATE INDEX "ix_fct_target_indicator_sk_period_sk" ON "fct_target" ("indicator_sk", "period_sk");

CREATE INDEX "ix_fct_target_load_batch_id" ON "fct_target" ("load_batch_id");

CREATE INDEX "ix_fct_target_period_sk" ON "fct_target" ("period_sk");

CREATE UNIQUE INDEX "ix_ref_threshold_parameter_parameter_code_area_code_valid_from" ON "ref_threshold_parameter" ("parameter_code", "area_code", "valid_from");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261125200312_InitialSchema', '10.0.15');

CREATE TABLE "ef_temp_ref_threshold_parameter" (
    "threshold_parameter_sk" INTEGER NOT NULL CONSTRAINT "pk_ref_threshold_parameter" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NULL,
    "description" TEXT NOT NULL,
    "parameter_code" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL,
    "value" NUMERIC NOT NULL,
    CONSTRAINT "ck_ref_threshold_parameter_validity" CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO "ef_temp_ref_threshold_parameter" ("threshold_parameter_sk", "area_code", "description", "parameter_code", "valid_from", "valid_to", "value")
SELECT "threshold_parameter_sk", "area_code", "description", "parameter_code", "valid_from", "valid_to", "value"
FROM "ref_threshold_parameter";

CREATE TABLE "ef_temp_dim_period" (
    "period_sk" INTEGER NOT NULL CONSTRAINT "pk_dim_period" PRIMARY KEY,
    "end_date" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "month" INTEGER NULL,
    "parent_key" TEXT NULL,
    "period_key" TEXT NOT NULL,
    "quarter" INTEGER NULL,
    "quarter_key" TEXT NULL,
    "start_date" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "year_key" TEXT NOT NULL,
    CONSTRAINT "ck_dim_period_dates" CHECK (end_date >= start_date)
);

INSERT INTO "ef_temp_dim_period" ("period_sk", "end_date", "grain", "label", "month", "parent_key", "period_key", "quarter", "quarter_key", "start_date", "year", "year_key")
SELECT "period_sk", "end_date", "grain", "label", "month", "parent_key", "period_key", "quarter", "quarter_key", "start_date", "year", "year_key"
FROM "dim_period";

CREATE TABLE "ef_temp_dim_area" (
    "area_sk" INTEGER NOT NULL CONSTRAINT "pk_dim_area" PRIMARY KEY AUTOINCREMENT,
    "area_code" TEXT NOT NULL,
    "is_current" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "loaded_at" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parent_code" TEXT NULL,
    "urban_rural_class" TEXT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_to" TEXT NULL,
    CONSTRAINT "ck_dim_area_validity" CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

INSERT INTO "ef_temp_dim_area" ("area_sk", "area_code", "is_current", "kind", "level", "loaded_at", "name", "parent_code", "urban_rural_class", "valid_from", "valid_to")
SELECT "area_sk", "area_code", "is_current", "kind", "level", "loaded_at", "name", "parent_code", "urban_rural_class", "valid_from", "valid_to"
FROM "dim_area";

PRAGMA foreign_keys = 0;

DROP TABLE "ref_threshold_parameter";

ALTER TABLE "ef_temp_ref_threshold_parameter" RENAME TO "ref_threshold_parameter";

DROP TABLE "dim_period";

ALTER TABLE "ef_temp_dim_period" RENAME TO "dim_period";

DROP TABLE "dim_area";

ALTER TABLE "ef_temp_dim_area" RENAME TO "dim_area";

PRAGMA foreign_keys = 1;

CREATE UNIQUE INDEX "ix_ref_threshold_parameter_parameter_code_area_code_valid_from" ON "ref_threshold_parameter" ("parameter_code", "area_code", "valid_from");

CREATE INDEX "ix_dim_period_grain_start_date" ON "dim_period" ("grain", "start_date");

CREATE UNIQUE INDEX "ix_dim_period_period_key" ON "dim_period" ("period_key");

CREATE UNIQUE INDEX "ix_dim_area_area_code_valid_from" ON "dim_area" ("area_code", "valid_from");

CREATE INDEX "ix_dim_area_level_area_code" ON "dim_area" ("level", "area_code");

CREATE INDEX "ix_dim_area_parent_code_is_current" ON "dim_area" ("parent_code", "is_current");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261125201050_ValidityChecks', '10.0.15');

CREATE TABLE "sec_api_key" (
    "api_key_id" INTEGER NOT NULL CONSTRAINT "pk_sec_api_key" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "area_codes" TEXT NOT NULL,
    "is_trusted_documents_only" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "revoked_at" TEXT NULL
);

CREATE UNIQUE INDEX "ix_sec_api_key_key_hash" ON "sec_api_key" ("key_hash");

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261125202128_ApiKeys', '10.0.15');

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


INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261125214127_AnalystViews', '10.0.15');

drop view vw_compound_coverage_by_township_quarter;

drop view vw_village_income_by_year;

drop view vw_indicator_value;

CREATE TABLE "ef_temp_fct_indicator_value" (
"area_sk" INTEGER NOT NULL,
"period_sk" INTEGER NOT NULL,
"indicator_sk" INTEGER NOT NULL,
"value" NUMERIC NOT NULL,
"status" TEXT NOT NULL,
"note" TEXT NULL,
"load_batch_id" INTEGER NOT NULL,
"loaded_at" TEXT NOT NULL,
CONSTRAINT "pk_fct_indicator_value" PRIMARY KEY ("area_sk", "period_sk", "indicator_sk")
);

INSERT INTO "ef_temp_fct_indicator_value" ("area_sk", "period_sk", "indicator_sk", "value", "status", "note", "load_batch_id", "loaded_at")
SELECT "area_sk", "period_sk", "indicator_sk", "value", "status", "note", "load_batch_id", "loaded_at"
FROM "fct_indicator_value";

DROP TABLE "fct_indicator_value";

ALTER TABLE "ef_temp_fct_indicator_value" RENAME TO "fct_indicator_value";

CREATE INDEX "ix_fct_indicator_value_indicator_sk_period_sk_area_sk" ON "fct_indicator_value" ("indicator_sk", "period_sk", "area_sk");

CREATE INDEX "ix_fct_indicator_value_load_batch_id" ON "fct_indicator_value" ("load_batch_id");

CREATE TABLE "ef_temp_fct_indicator_value_history" (
"indicator_value_history_id" INTEGER NOT NULL CONSTRAINT "pk_fct_indicator_value_history" PRIMARY KEY AUTOINCREMENT,
"area_sk" INTEGER NOT NULL,
"period_sk" INTEGER NOT NULL,
"indicator_sk" INTEGER NOT NULL,
"value" NUMERIC NOT NULL,
"status" TEXT NOT NULL,
"note" TEXT NULL,
"load_batch_id" INTEGER NOT NULL,
"loaded_at" TEXT NOT NULL,
"superseded_by_batch_id" INTEGER NOT NULL,
"superseded_at" TEXT NOT NULL
);

INSERT INTO "ef_temp_fct_indicator_value_history" ("indicator_value_history_id", "area_sk", "period_sk", "indicator_sk", "value", "status", "note", "load_batch_id", "loaded_at", "superseded_by_batch_id", "superseded_at")
SELECT "indicator_value_history_id", "area_sk", "period_sk", "indicator_sk", "value", "status", "note", "load_batch_id", "loaded_at", "superseded_by_batch_id", "superseded_at"
FROM "fct_indicator_value_history";

DROP TABLE "fct_indicator_value_history";

ALTER TABLE "ef_temp_fct_indicator_value_history" RENAME TO "fct_indicator_value_history";

CREATE INDEX "ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk" ON "fct_indicator_value_history" ("area_sk", "period_sk", "indicator_sk");

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


INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261126032741_FactTablesWithoutForeignKeys', '10.0.15');

ALTER TABLE "etl_load_batch" ADD "area_code_prefix" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261202052645_BatchAreaScope', '10.0.15');

CREATE TABLE "warehouse_version" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_warehouse_version" PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "changed_at" TEXT NOT NULL,
    CONSTRAINT "ck_warehouse_version_single_row" CHECK (id = 1)
);

INSERT INTO "warehouse_version" ("id", "changed_at", "version")
VALUES (1, '2026-01-01 00:00:00+00:00', 1);
SELECT changes();


INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261202143156_WarehouseVersion', '10.0.15');

CREATE TABLE "saved_report" (
    "name" TEXT NOT NULL CONSTRAINT "pk_saved_report" PRIMARY KEY,
    "title" TEXT NULL,
    "document" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261202151400_SavedReports', '10.0.15');

CREATE TABLE "agg_distribution" (
    "indicator_sk" INTEGER NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "mean" REAL NULL,
    "std_dev" REAL NULL,
    "min" REAL NULL,
    "p10" REAL NULL,
    "q1" REAL NULL,
    "median" REAL NULL,
    "q3" REAL NULL,
    "p90" REAL NULL,
    "max" REAL NULL,
    "gini" REAL NULL,
    "band_counts" TEXT NOT NULL,
    CONSTRAINT "pk_agg_distribution" PRIMARY KEY ("indicator_sk", "period_sk", "prefix")
);

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261203090927_DistributionRollups', '10.0.15');

CREATE TABLE "agg_expected" (
    "capture_level" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "area_level" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "unit_count" INTEGER NOT NULL,
    CONSTRAINT "pk_agg_expected" PRIMARY KEY ("capture_level", "grain", "area_level", "area_code", "period_sk")
);

CREATE TABLE "agg_input" (
    "input_sk" INTEGER NOT NULL CONSTRAINT "pk_agg_input" PRIMARY KEY AUTOINCREMENT,
    "signature" TEXT NOT NULL,
    "grain" TEXT NOT NULL,
    "indicator_sk" INTEGER NOT NULL,
    "window_mode" TEXT NOT NULL,
    "weight_indicator_sk" INTEGER NULL,
    "threshold_parameter" TEXT NULL,
    "threshold_comparison" TEXT NULL,
    "sum_scale" INTEGER NOT NULL
);

CREATE TABLE "agg_state" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_agg_state" PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "first_year" INTEGER NULL,
    "last_year" INTEGER NULL,
    "rebuilt_at" TEXT NULL,
    CONSTRAINT "ck_agg_state_single_row" CHECK (id = 1)
);

CREATE TABLE "agg_total" (
    "input_sk" INTEGER NOT NULL,
    "area_level" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "value_sum" INTEGER NOT NULL,
    "weight_sum" INTEGER NOT NULL,
    "meeting_count" INTEGER NOT NULL,
    "unit_count" INTEGER NOT NULL,
    CONSTRAINT "pk_agg_total" PRIMARY KEY ("input_sk", "area_level", "area_code", "period_sk")
);

CREATE UNIQUE INDEX "ix_agg_input_signature_grain" ON "agg_input" ("signature", "grain");

INSERT INTO agg_state (id, version, first_year, last_year, rebuilt_at)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM fct_indicator_value) THEN 0 ELSE w.version END, NULL, NULL, NULL
FROM warehouse_version w
WHERE w.id = 1;

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261203095404_Rollups', '10.0.15');

CREATE TABLE "sec_request_count" (
    "caller" TEXT NOT NULL,
    "window_start_epoch" INTEGER NOT NULL,
    "granted" INTEGER NOT NULL,
    CONSTRAINT "pk_sec_request_count" PRIMARY KEY ("caller", "window_start_epoch")
);

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261203125245_SharedRequestCounts', '10.0.15');

CREATE TABLE "agg_ranking" (
    "indicator_sk" INTEGER NOT NULL,
    "period_sk" INTEGER NOT NULL,
    "prefix" TEXT NOT NULL,
    "measure" TEXT NOT NULL,
    "is_descending" INTEGER NOT NULL,
    "rank" INTEGER NOT NULL,
    "area_code" TEXT NOT NULL,
    "sort_value" REAL NOT NULL,
    "area_unit_count" INTEGER NOT NULL,
    CONSTRAINT "pk_agg_ranking" PRIMARY KEY ("indicator_sk", "period_sk", "prefix", "measure", "is_descending", "rank")
);

INSERT INTO "__EFMigrationsHistory" ("migration_id", "product_version")
VALUES ('20261203130242_RankingRollups', '10.0.15');
