using System.Text.Json.Nodes;

namespace Governance.NationalBenchmark;

/// <summary>
/// One question of issue 12's table: the GraphQL request the dashboard sends, the hand-written SQL on the facts that
/// answers it directly, and how many rows the API's answer holds (to set beside the SQL's rows: the same count says
/// both answered the same question).
/// </summary>
internal sealed record NationalQuestion(string Name, string GraphQL, string Sql, Func<JsonNode, long> ApiRows)
{
    private const string Facts = """
        from fct_indicator_value as v
        inner join dim_area as a on a.area_sk = v.area_sk
        inner join dim_period as p on p.period_sk = v.period_sk
        inner join dim_indicator as i on i.indicator_sk = v.indicator_sk
        """;

    /// <summary>The weak-village threshold in force at the end of the period (the warehouse's nation-wide parameter).</summary>
    private const string Threshold = """
        inner join ref_threshold_parameter as th on th.parameter_code = 'WEAK_VILLAGE_THRESHOLD' and th.area_code is null
            and th.valid_from <= p.end_date and (th.valid_to is null or th.valid_to >= p.end_date)
        """;

    /// <summary>The questions, with the province and county the narrower ones look into.</summary>
    /// <param name="province">Two digits: the province of the county-level question.</param>
    /// <param name="county">Six digits: the county of the township-level question.</param>
    public static IReadOnlyList<NationalQuestion> All(string province, string county)
    {
        const int Year = IndicatorFiles.LastYear;
        const int First = IndicatorFiles.FirstIncomeYear;
        return
        [
            new(
                $"income by province and year, {First}-{Year}",
                $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: PROVINCE, from: "{{First}}", to: "{{Year}}", first: 1000) { totalCount nodes { areaCode period { key } value } } }""",
                $"select substr(a.area_code, 1, 2), p.year, sum(v.value) {Facts} where i.indicator_code = 'CE_OPERATING_INCOME' and p.grain = 'Year' and p.year between {First} and {Year} group by substr(a.area_code, 1, 2), p.year",
                Total),
            new(
                $"income by county and year, province {province}, {Year - 4}-{Year}",
                $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: COUNTY, within: "{{province}}0000000000", from: "{{Year - 4}}", to: "{{Year}}", first: 1000) { totalCount nodes { areaCode period { key } value } } }""",
                $"select substr(a.area_code, 1, 6), p.year, sum(v.value) {Facts} where i.indicator_code = 'CE_OPERATING_INCOME' and a.area_code like '{province}%' and p.grain = 'Year' and p.year between {Year - 4} and {Year} group by substr(a.area_code, 1, 6), p.year",
                Total),
            new(
                $"income by township and year, county {county}, {Year - 4}-{Year}",
                $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "{{county}}000000", from: "{{Year - 4}}", to: "{{Year}}", first: 1000) { totalCount nodes { areaCode period { key } value } } }""",
                $"select substr(a.area_code, 1, 9), p.year, sum(v.value) {Facts} where i.indicator_code = 'CE_OPERATING_INCOME' and a.area_code like '{county}%' and p.grain = 'Year' and p.year between {Year - 4} and {Year} group by substr(a.area_code, 1, 9), p.year",
                Total),
            new(
                $"weak villages by province, {Year}",
                $$"""{ observations(indicators: ["CE_WEAK_VILLAGES"], level: PROVINCE, from: "{{Year}}", to: "{{Year}}", first: 1000) { totalCount nodes { areaCode value } } }""",
                $"select substr(a.area_code, 1, 2), sum(case when v.value < th.value then 1 else 0 end) {Facts} {Threshold} where i.indicator_code = 'CE_OPERATING_INCOME' and p.period_key = '{Year}' group by substr(a.area_code, 1, 2)",
                Total),
            new(
                $"compound coverage by province and quarter, {Year}",
                $$"""{ observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: PROVINCE, grain: QUARTER, from: "{{Year}}Q1", to: "{{Year}}Q4", first: 1000) { totalCount nodes { areaCode period { key } value numerator denominator } } }""",
                $"select substr(a.area_code, 1, 2), p.period_key, 100.0 * sum(case when i.indicator_code = 'ORG_COMPOUNDS_WITH_BRANCH' then v.value end) / sum(case when i.indicator_code = 'ORG_COMPOUNDS' then v.value end) {Facts} where i.indicator_code in ('ORG_COMPOUNDS', 'ORG_COMPOUNDS_WITH_BRANCH') and p.grain = 'Quarter' and p.year = {Year} group by substr(a.area_code, 1, 2), p.period_key",
                Total),
            new(
                $"distribution of village income over the nation, {Year}",
                $$"""{ distribution(indicator: "CE_OPERATING_INCOME", period: "{{Year}}") { count mean median q1 q3 p10 p90 gini bands { count } } }""",
                $"select v.value {Facts} where i.indicator_code = 'CE_OPERATING_INCOME' and p.period_key = '{Year}' and a.kind = 'Village' order by v.value",
                answer => answer["distribution"]!["count"]!.GetValue<long>()),
            new(
                $"top 10 villages of the nation by income, {Year}",
                $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "{{Year}}", to: "{{Year}}", orderBy: [{field: VALUE, direction: DESC}], first: 10) { nodes { areaCode value yoyGrowth } } }""",
                $"select a.area_code, v.value, v.value / before.value - 1 {Facts} left join fct_indicator_value as before on before.area_sk = v.area_sk and before.indicator_sk = v.indicator_sk and before.period_sk = v.period_sk - 1000 and before.value <> 0 where i.indicator_code = 'CE_OPERATING_INCOME' and p.period_key = '{Year}' order by v.value desc, a.area_code limit 10",
                Nodes),
            new(
                $"top 10 villages of the nation by year-on-year growth, {Year}",
                $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, from: "{{Year}}", to: "{{Year}}", orderBy: [{field: YOY_GROWTH, direction: DESC}], first: 10) { nodes { areaCode value yoyGrowth } } }""",
                $"select a.area_code, v.value, v.value / before.value - 1 as growth {Facts} inner join fct_indicator_value as before on before.area_sk = v.area_sk and before.indicator_sk = v.indicator_sk and before.period_sk = v.period_sk - 1000 and before.value > 0 where i.indicator_code = 'CE_OPERATING_INCOME' and p.period_key = '{Year}' order by growth desc, a.area_code limit 10",
                Nodes),
        ];
    }

    private static long Total(JsonNode answer) => answer["observations"]!["totalCount"]!.GetValue<long>();

    private static long Nodes(JsonNode answer) => answer["observations"]!["nodes"]!.AsArray().Count;
}
