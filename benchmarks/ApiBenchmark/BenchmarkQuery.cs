namespace Governance.ApiBenchmark;

/// <summary>One representative dashboard question: as a GraphQL request, and as the hand-written SQL that answers it directly.</summary>
internal sealed record BenchmarkQuery(string Name, string GraphQL, string Sql)
{
    private const string Facts = """
        from fct_indicator_value as v
        inner join dim_area as a on a.area_sk = v.area_sk
        inner join dim_period as p on p.period_sk = v.period_sk
        inner join dim_indicator as i on i.indicator_sk = v.indicator_sk
        """;

    /// <summary>The weak-village threshold in force at the end of each year (the warehouse's county-wide parameter).</summary>
    private const string Threshold = """
        inner join ref_threshold_parameter as th on th.parameter_code = 'WEAK_VILLAGE_THRESHOLD' and th.area_code is null
            and th.valid_from <= p.end_date and (th.valid_to is null or th.valid_to >= p.end_date)
        """;

    /// <summary>
    /// Each query's SQL computes what the API answers (the threshold in force, the year-earlier value of a top N), as an
    /// analyst would write it against the star schema; what the API adds in memory (CAGR, quantiles) is cheap.
    /// </summary>
    public static IReadOnlyList<BenchmarkQuery> All(int year) =>
    [
        new(
            "weak villages by township and year",
            $$"""{ observations(indicators: ["CE_WEAK_VILLAGES"], level: TOWNSHIP, from: "{{year - 4}}", to: "{{year}}", first: 1000) { totalCount nodes { areaCode period { key } value } } }""",
            $"select substr(a.area_code, 1, 9) as township, p.period_key, sum(case when v.value < th.value then 1 else 0 end) as weak {Facts} {Threshold} where i.indicator_code = 'CE_OPERATING_INCOME' and p.grain = 'Year' and p.year between {year - 4} and {year} group by substr(a.area_code, 1, 9), p.period_key"),
        new(
            "income growth by township (CAGR)",
            $$"""{ growth(indicator: "CE_TOTAL_INCOME", level: TOWNSHIP, from: {{year - 4}}, to: {{year}}) { areaCode cagr trendGrowth } }""",
            $"select substr(a.area_code, 1, 9) as township, p.year, sum(v.value) as income {Facts} where i.indicator_code = 'CE_TOTAL_INCOME' and p.grain = 'Year' and p.year between {year - 4} and {year} group by substr(a.area_code, 1, 9), p.year"),
        new(
            "compound coverage by township and quarter",
            $$"""{ observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: TOWNSHIP, grain: QUARTER, from: "{{year}}Q1", to: "{{year}}Q4", first: 1000) { totalCount nodes { areaCode period { key } value numerator denominator } } }""",
            $"select substr(a.area_code, 1, 9) as township, p.period_key, 100.0 * sum(case when i.indicator_code = 'ORG_COMPOUNDS_WITH_BRANCH' then v.value end) / sum(case when i.indicator_code = 'ORG_COMPOUNDS' then v.value end) as coverage {Facts} where i.indicator_code in ('ORG_COMPOUNDS', 'ORG_COMPOUNDS_WITH_BRANCH') and p.grain = 'Quarter' and p.year = {year} group by substr(a.area_code, 1, 9), p.period_key"),
        new(
            "operating income distribution",
            $$"""{ distribution(indicator: "CE_OPERATING_INCOME", period: "{{year}}") { count mean median q1 q3 p10 p90 gini bands { count } } }""",
            $"select v.value {Facts} where i.indicator_code = 'CE_OPERATING_INCOME' and p.period_key = '{year}' and a.kind = 'Village' order by v.value"),
        new(
            "top 10 villages by operating income",
            $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "{{year}}", to: "{{year}}", orderBy: [{field: VALUE, direction: DESC}], first: 10) { nodes { areaCode value yoyGrowth } } }""",
            $"select a.area_code, v.value, v.value / before.value - 1 as yoy {Facts} left join fct_indicator_value as before on before.area_sk = v.area_sk and before.indicator_sk = v.indicator_sk and before.period_sk = (select period_sk from dim_period where period_key = '{year - 1}') and before.value <> 0 where i.indicator_code = 'CE_OPERATING_INCOME' and p.period_key = '{year}' order by v.value desc, a.area_code limit 10"),
    ];
}
