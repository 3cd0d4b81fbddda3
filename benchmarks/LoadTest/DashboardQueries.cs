namespace Governance.LoadTest;

/// <summary>The mixed dashboard questions a county's screens ask: observations, distribution, growth and areas, per county.</summary>
internal static class DashboardQueries
{
    public const string Counties = """{ areas(level: COUNTY, first: 1000) { nodes { code } } }""";

    public static IReadOnlyList<string> For(IEnumerable<string> counties) =>
    [
        .. counties.SelectMany(county => new[]
        {
            $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: TOWNSHIP, within: "{{county}}", from: "2020", to: "2024", first: 200) { totalCount nodes { areaCode period { key } value yoyGrowth } } }""",
            $$"""{ distribution(indicator: "CE_OPERATING_INCOME", period: "2024", within: "{{county}}") { count median p90 gini bands { label count } } }""",
            $$"""{ growth(indicator: "CE_TOTAL_INCOME", level: TOWNSHIP, within: "{{county}}", from: 2020, to: 2024) { areaCode cagr trendGrowth } }""",
            $$"""{ areas(level: TOWNSHIP, within: "{{county}}", first: 50) { totalCount nodes { code name } } }""",
            $$"""{ observations(indicators: ["CE_OPERATING_INCOME"], level: VILLAGE, within: "{{county}}", from: "2024", to: "2024", orderBy: [{ field: VALUE, direction: DESC }], first: 10) { nodes { areaCode value yoyGrowth } } }""",
            $$"""{ observations(indicators: ["ORG_COMPOUND_COVERAGE"], level: TOWNSHIP, within: "{{county}}", grain: QUARTER, from: "2024Q1", to: "2024Q4", first: 200) { nodes { areaCode period { key } value } } }""",
        }),
    ];
}
