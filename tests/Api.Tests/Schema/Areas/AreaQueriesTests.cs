using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using static Governance.Api.Tests.Schema.Areas.AreaData;

namespace Governance.Api.Tests.Schema.Areas;

public sealed class AreaQueriesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AnAreaAnswersWithItsCurrentVersionHierarchyAndLineage(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await SaveAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        var data = await client.DataAsync($$"""
            {
              v1: area(code: "{{V1}}") { code name level kind urbanRuralClass validFrom validTo isCurrent parent { code name } ancestors { code } }
              v2: area(code: "{{V2}}") { name validTo isCurrent replacedBy { code } replaces { code } }
              v4: area(code: "{{V4}}") { replaces { code name } replacedBy { code } }
              town: area(code: "{{Town}}") { kind current: children { code } all: children(includeHistoric: true) { code } }
              none: area(code: "361102101299") { code }
            }
            """);

        var v1 = data.GetProperty("v1");
        Assert.Equal(("新村村委会", "VILLAGE", "VILLAGE", "220"), (Text(v1, "name"), Text(v1, "level"), Text(v1, "kind"), Text(v1, "urbanRuralClass")));
        Assert.Equal(("2022-01-01", null, true), (Text(v1, "validFrom"), Text(v1, "validTo"), v1.GetProperty("isCurrent").GetBoolean()));
        Assert.Equal((Town, "红星镇"), (Text(v1.GetProperty("parent"), "code"), Text(v1.GetProperty("parent"), "name")));
        Assert.Equal([County, Town], Codes(v1.GetProperty("ancestors")));
        var v2 = data.GetProperty("v2");
        Assert.Equal(("老屋村", "2023-12-31", false), (Text(v2, "name"), Text(v2, "validTo"), v2.GetProperty("isCurrent").GetBoolean()));
        Assert.Equal([V4], Codes(v2.GetProperty("replacedBy")));
        Assert.Empty(Codes(v2.GetProperty("replaces")));
        Assert.Equal([V2, V3], Codes(data.GetProperty("v4").GetProperty("replaces")));
        Assert.Equal("河口村", Text(data.GetProperty("v4").GetProperty("replaces")[1], "name"));
        Assert.Equal("TOWN", Text(data.GetProperty("town"), "kind"));
        Assert.Equal([K1, V1, V4], Codes(data.GetProperty("town").GetProperty("current")));
        Assert.Equal([K1, V1, V2, V3, V4], Codes(data.GetProperty("town").GetProperty("all")));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("none").ValueKind);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AreasAreFilteredAndPagedByCursor(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await SaveAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        const string Page = "totalCount nodes { code } edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage endCursor }";
        var first = await client.DataAsync($$"""{ areas(level: VILLAGE, within: "{{Town}}", first: 2) { {{Page}} } }""");
        var cursor = Text(first.GetProperty("areas").GetProperty("pageInfo"), "endCursor");
        var second = await client.DataAsync($$"""query($after: String) { areas(level: VILLAGE, within: "{{Town}}", first: 2, after: $after) { {{Page}} } }""", new { after = cursor });
        var search = await client.DataAsync($$"""{ a: areas(search: "河") { nodes { code } } b: areas(search: "河", includeHistoric: true) { nodes { code } } c: areas(within: "{{County}}") { totalCount } d: areas(search: "3611021012") { totalCount } }""");

        var page1 = first.GetProperty("areas");
        Assert.Equal(3, page1.GetProperty("totalCount").GetInt32());
        Assert.Equal([K1, V1], Codes(page1.GetProperty("nodes")));
        Assert.Equal("光明社区", Text(page1.GetProperty("edges")[0].GetProperty("node"), "name"));
        Assert.True(page1.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var page2 = second.GetProperty("areas");
        Assert.Equal([V4], Codes(page2.GetProperty("nodes")));
        Assert.False(page2.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.True(page2.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.Equal([V4], Codes(search.GetProperty("a").GetProperty("nodes")));
        Assert.Equal([V3, V4], Codes(search.GetProperty("b").GetProperty("nodes")));
        Assert.Equal(4, search.GetProperty("c").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, search.GetProperty("d").GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SeriesSumsFlowsAndTakesTheLastValueOfStocks(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await SaveAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        var data = await client.DataAsync($$"""
            {
              v1: area(code: "{{V1}}") {
                income: series(indicator: "CE_OPERATING_INCOME") { period grain label start end value }
                window: series(indicator: "CE_OPERATING_INCOME", from: "2022", to: "2023") { period value }
                grids: series(indicator: "GOV_GRIDS") { period value }
                gridsByYear: series(indicator: "GOV_GRIDS", grain: YEAR) { period value }
              }
              k1: area(code: "{{K1}}") { gridsByYear: series(indicator: "GOV_GRIDS", grain: YEAR) { period value } }
              town: area(code: "{{Town}}") {
                quarters: series(indicator: "CAD_TRAINING_SESSIONS", grain: QUARTER) { period label value }
                year: series(indicator: "CAD_TRAINING_SESSIONS", grain: YEAR, from: "2024Q1", to: "2024Q1") { period value }
              }
            }
            """);

        var v1 = data.GetProperty("v1");
        Assert.Equal([("2021", 7m), ("2022", 8m), ("2023", 10m), ("2024", 12.5m)], Points(v1.GetProperty("income")));
        var first = v1.GetProperty("income")[0];
        Assert.Equal(("YEAR", "2021年", "2021-01-01", "2021-12-31"), (Text(first, "grain"), Text(first, "label"), Text(first, "start"), Text(first, "end")));
        Assert.Equal([("2022", 8m), ("2023", 10m)], Points(v1.GetProperty("window")));
        Assert.Equal([("2024Q1", 4m), ("2024Q2", 4m), ("2024Q3", 5m), ("2024Q4", 6m)], Points(v1.GetProperty("grids")));
        Assert.Equal([("2024", 6m)], Points(v1.GetProperty("gridsByYear")));
        Assert.Equal([("2024", 2m)], Points(data.GetProperty("k1").GetProperty("gridsByYear")));
        Assert.Equal([("2024Q1", 3m), ("2024Q2", 4m)], Points(data.GetProperty("town").GetProperty("quarters")));
        Assert.Equal("2024年第一季度", Text(data.GetProperty("town").GetProperty("quarters")[0], "label"));
        Assert.Equal([("2024", 3m)], Points(data.GetProperty("town").GetProperty("year")));
    }

    [Theory]
    [InlineData("""series(indicator: "CE_OPERATING_INCOME", grain: MONTH) { value }""", "GRAIN_TOO_FINE")]
    [InlineData("""series(indicator: "NO_SUCH_INDICATOR") { value }""", "UNKNOWN_INDICATOR")]
    [InlineData("""series(indicator: "CE_OPERATING_INCOME", from: "2023X") { value }""", "BAD_PERIOD")]
    [InlineData("""series(indicator: "ORG_COMPOUND_COVERAGE") { value }""", "BAD_REQUEST")]
    public async Task SeriesThatCannotBeAnsweredIsAnErrorWithACode(string field, string code)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await SaveAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.SendQueryAsync($$"""{ area(code: "{{V1}}") { code {{field}} } }""");
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(text).RootElement;

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, Text(json.GetProperty("errors")[0].GetProperty("extensions"), "code"));
        Assert.Equal(["area", "series"], json.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.True(json.TryGetProperty("data", out _));
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""areas(within: "361102999000") { totalCount }""", "UNKNOWN_AREA")]
    [InlineData("""areas(within: "not a code") { totalCount }""", "BAD_REQUEST")]
    [InlineData("""areas(first: 5000) { totalCount }""", "BAD_REQUEST")]
    [InlineData("""areas(after: "bm9wZQ==") { totalCount }""", "BAD_REQUEST")]
    public async Task AreasThatCannotBeListedIsAnErrorWithACode(string field, string code)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.SendQueryAsync("{ " + field + " }");
        var json = await response.JsonAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(code, Text(json.GetProperty("errors")[0].GetProperty("extensions"), "code"));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("data").ValueKind);
    }

    internal static string? Text(JsonElement element, string property) => element.GetProperty(property).GetString();

    internal static List<string?> Codes(JsonElement list) => list.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();

    private static List<(string?, decimal)> Points(JsonElement list) =>
        list.EnumerateArray().Select(p => (p.GetProperty("period").GetString(), p.GetProperty("value").GetDecimal())).ToList();
}
