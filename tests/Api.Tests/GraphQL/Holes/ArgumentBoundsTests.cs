using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.GraphQL.Holes;

/// <summary>Every argument is bounded before its resolver runs: an out-of-bounds value is a BAD_REQUEST error naming the argument, on either engine.</summary>
public sealed class ArgumentBoundsTests
{
    private const string Income = "CE_OPERATING_INCOME";

    public static TheoryData<WarehouseProvider, string, string, string> OutOfBounds => new()
    {
        { WarehouseProvider.Postgres, "query($s: String) { areas(search: $s) { totalCount } }", "{\"s\": \"a\\u0000b\"}", "'search' holds a control character (U+0000)" },
        { WarehouseProvider.Sqlite, "query($s: String) { areas(search: $s) { totalCount } }", "{\"s\": \"a\\u0000b\"}", "'search' holds a control character (U+0000)" },
        { WarehouseProvider.Sqlite, "query($s: String) { areas(search: $s) { totalCount } }", "{\"s\": \"" + new string('%', 900_000) + "\"}", "'search' has 900000 characters; at most 100 are allowed." },
        { WarehouseProvider.Postgres, $"{{ growth(indicator: \"{Income}\", level: TOWNSHIP, from: 0, to: 5) {{ cagr }} }}", "null", "'from' is 0; years from 2000 to 2050 are known." },
        { WarehouseProvider.Sqlite, $"{{ growth(indicator: \"{Income}\", level: TOWNSHIP, from: 2023, to: 9999) {{ cagr }} }}", "null", "'to' is 9999; years from 2000 to 2050 are known." },
        { WarehouseProvider.Sqlite, $"{{ observations(indicators: [\"{Income}\"], level: TOWNSHIP, from: \"1990\", to: \"2024\") {{ totalCount }} }}", "null", "'from' is 1990; years from 2000 to 2050 are known." },
        { WarehouseProvider.Sqlite, $"{{ attainment(indicator: \"{Income}\", period: \"2051\", level: TOWNSHIP) {{ areaCode }} }}", "null", "'period' is 2051; years from 2000 to 2050 are known." },
        { WarehouseProvider.Sqlite, $"query($w: ObservationWhere) {{ observations(indicators: [\"{Income}\"], level: VILLAGE, from: \"2024\", to: \"2024\", where: $w) {{ totalCount }} }}", "{\"w\": {\"urbanRuralClass\": \"2\\u00002\"}}", "'where' holds a control character (U+0000)" },
        { WarehouseProvider.Sqlite, "query($i: [String!]!) { observations(indicators: $i, level: TOWNSHIP, from: \"2024\", to: \"2024\") { totalCount } }", "{\"i\": [\"" + new string('X', 101) + "\"]}", "'indicators' has 101 characters; at most 100 are allowed." },
        { WarehouseProvider.Sqlite, "{ area(code: \"36110210120\") { name } }", "null", "'code' is '36110210120', which is not an area code" },
        { WarehouseProvider.Postgres, "{ area(code: \"3611021012\\u00000\") { name } }", "null", "'code' holds a control character (U+0000)" },
        { WarehouseProvider.Sqlite, $"{{ distribution(indicator: \"{Income}\", period: \"2024\", within: \"3611\") {{ count }} }}", "null", "'within' is '3611', which is not an area code" },
        { WarehouseProvider.Sqlite, "query($c: String) { indicators(category: $c) { code } }", "{\"c\": \"" + new string('c', 101) + "\"}", "'category' has 101 characters; at most 100 are allowed." },
        { WarehouseProvider.Postgres, "query($c: String!) { indicator(code: $c) { code } }", "{\"c\": \"CE\\u0000\"}", "'code' holds a control character (U+0000)" },
    };

    [Theory]
    [MemberData(nameof(OutOfBounds))]
    public async Task AnArgumentOutOfBoundsIsABadRequestNamingIt(WarehouseProvider provider, string query, string variables, string message)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        using var response = await client.PostRawAsync("{\"query\": " + System.Text.Json.JsonSerializer.Serialize(query) + ", \"variables\": " + variables + "}");
        var body = await response.JsonAsync();

        var error = body.GetProperty("errors")[0];
        Assert.True("BAD_REQUEST" == error.GetProperty("extensions").GetProperty("code").GetString(), body.ToString());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("internal", body.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ValuesAtTheBoundsAreAnswered()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        var data = await client.DataAsync(
            $"query($s: String) {{ areas(search: $s) {{ totalCount }} growth(indicator: \"{Income}\", level: TOWNSHIP, from: 2000, to: 2050) {{ cagr }} }}",
            new { s = new string('村', 100) });

        Assert.Equal(0, data.GetProperty("areas").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, data.GetProperty("growth").GetArrayLength());
    }
}
