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

select * from final
