using System.Text.RegularExpressions;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Schema.Indicators;

public sealed partial class IndicatorQueriesTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheCatalogueAnswersWithEveryIndicatorOfTheDocument(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        var answer = await client.PostQueryAsync("{ indicators { code name unit } }");

        var expected = DocumentedIndicators();
        var actual = answer["data"]!["indicators"]!.AsArray()
            .Select(i => (Code: (string)i!["code"]!, Name: (string)i["name"]!, Unit: (string)i["unit"]!))
            .OrderBy(i => i.Code, StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task OneIndicatorIsFoundByItsCodeAndAnUnknownCodeIsNull()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();

        var answer = await client.PostQueryAsync("""{ a: indicator(code: "ORG_COMPOUND_COVERAGE") { name unit isDerived } b: indicator(code: "NOPE") { name } }""");

        Assert.Equal("小区建制式党组织覆盖率", (string)answer["data"]!["a"]!["name"]!);
        Assert.Equal("%", (string)answer["data"]!["a"]!["unit"]!);
        Assert.True((bool)answer["data"]!["a"]!["isDerived"]!);
        Assert.Null(answer["data"]!["b"]);
    }

    /// <summary>Code, name and unit of each base indicator in INDICATORS.md; derived ones (no unit column there) are checked by code and name.</summary>
    private static IEnumerable<(string Code, string Name, string Unit)> DocumentedIndicators()
    {
        var text = File.ReadAllText(Repository.PathOf("docs", "INDICATORS.md"));
        var baseRows = BaseRow().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim(), m.Groups[3].Value.Trim()));
        var derivedRows = DerivedRow().Matches(text).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Trim(), DerivedUnit(m.Groups[1].Value, m.Groups[3].Value)));
        return baseRows.Concat(derivedRows).OrderBy(r => r.Value, StringComparer.Ordinal);
    }

    /// <summary>The unit a derived indicator's definition implies: x 100 is a percentage, a count of villages is 个, income per village is 万元.</summary>
    private static string DerivedUnit(string code, string definition) =>
        definition.Contains("x 100", StringComparison.Ordinal) ? "%" : code == "CE_INCOME_PER_VILLAGE" ? "万元" : "个";

    [GeneratedRegex(@"^\| ([A-Z][A-Z_]+) \| ([^|]+) \| [^|]+ \| ([^|]+) \| [^|]+ \| [^|]+ \| [^|]+ \|$", RegexOptions.Multiline)]
    private static partial Regex BaseRow();

    [GeneratedRegex(@"^\| ([A-Z][A-Z_]+) \| ([^|]+) \| ([^|]+) \|$", RegexOptions.Multiline)]
    private static partial Regex DerivedRow();
}
