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

select * from final
