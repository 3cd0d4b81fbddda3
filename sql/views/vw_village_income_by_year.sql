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

select * from final
