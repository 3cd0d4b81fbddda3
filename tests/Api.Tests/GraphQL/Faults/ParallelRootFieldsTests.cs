using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.GraphQL.Faults;

/// <summary>
/// GraphQL.NET resolves root fields in parallel: one request with many observations, distribution, growth and areas
/// fields must answer each exactly, with no two resolvers sharing a DbContext (which would throw a concurrency error).
/// </summary>
public sealed class ParallelRootFieldsTests
{
    private static readonly int[] Years = [2023, 2024];

    /// <summary>Each area of the scenario and the code prefix of everything inside it.</summary>
    private static readonly (string Code, string Name, string Prefix, string Level)[] Areas =
    [
        (County, "县", "361100", "PREFECTURE"), (T1, "一镇", "361100101", "TOWNSHIP"), (T2, "二镇", "361100102", "TOWNSHIP"),
        (A, "甲村", A, "VILLAGE"), (B, "乙村", B, "VILLAGE"), (C, "丙村", C, "VILLAGE"),
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ManyRootFieldsAtOnceAnswerEachExactly(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        var client = api.CreateClient();
        var (query, fields) = Query();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => client.SendQueryAsync(query)));

        Assert.True(fields >= 20, $"only {fields} root fields");
        foreach (var response in answers)
        {
            using (response)
            {
                var json = await response.JsonAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK && !json.TryGetProperty("errors", out _), $"{(int)response.StatusCode}: {json}");
                AssertAnswers(json.GetProperty("data"));
            }
        }
    }

    private static (string Query, int Fields) Query()
    {
        var query = new StringBuilder("{\n");
        var fields = 0;
        foreach (var (code, _, _, level) in Areas)
        {
            foreach (var year in Years)
            {
                query.Append(CultureInfo.InvariantCulture, $$"""  o{{code}}_{{year}}: observations(indicators: ["{{Income}}"], level: {{level}}, within: "{{code}}", from: "{{year}}", to: "{{year}}") { totalCount nodes { areaCode value } }""").Append('\n');
                fields++;
            }

            query.Append(CultureInfo.InvariantCulture, $$"""  a{{code}}: area(code: "{{code}}") { code name }""").Append('\n');
            fields++;
        }

        foreach (var level in new[] { "VILLAGE", "TOWNSHIP", "PREFECTURE" })
        {
            query.Append(CultureInfo.InvariantCulture, $$"""  g{{level}}: growth(indicator: "{{Income}}", level: {{level}}, from: 2023, to: 2024) { areaCode cagr }""").Append('\n');
            query.Append(CultureInfo.InvariantCulture, $$"""  l{{level}}: areas(level: {{level}}) { totalCount nodes { code } }""").Append('\n');
            fields += 2;
        }

        foreach (var year in Years)
        {
            query.Append(CultureInfo.InvariantCulture, $$"""  d{{year}}: distribution(indicator: "{{Income}}", period: "{{year}}") { count min max mean median }""").Append('\n');
            fields++;
        }

        return (query.Append('}').ToString(), fields);
    }

    private static void AssertAnswers(JsonElement data)
    {
        foreach (var (code, name, prefix, _) in Areas)
        {
            foreach (var year in Years)
            {
                var rows = data.GetProperty($"o{code}_{year}");
                Assert.Equal(1, rows.GetProperty("totalCount").GetInt32());
                var row = rows.GetProperty("nodes")[0];
                Assert.Equal((code, Sum(prefix, year)), (row.GetProperty("areaCode").GetString()!, row.GetProperty("value").GetDecimal()));
            }

            var area = data.GetProperty($"a{code}");
            Assert.Equal((code, name), (area.GetProperty("code").GetString()!, area.GetProperty("name").GetString()!));
        }

        foreach (var level in new[] { "VILLAGE", "TOWNSHIP", "PREFECTURE" })
        {
            var expected = Areas.Where(a => a.Level == level).ToList();
            var growth = data.GetProperty($"g{level}").EnumerateArray().ToList();
            Assert.Equal(expected.Select(a => a.Code), growth.Select(g => g.GetProperty("areaCode").GetString()));
            Assert.Equal(
                expected.Select(a => Math.Round((double)(Sum(a.Prefix, 2024) / Sum(a.Prefix, 2023)) - 1, 9)),
                growth.Select(g => Math.Round(g.GetProperty("cagr").GetDouble(), 9)));
            var areas = data.GetProperty($"l{level}");
            Assert.Equal(expected.Count, areas.GetProperty("totalCount").GetInt32());
            Assert.Equal(expected.Select(a => a.Code), areas.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("code").GetString()));
        }

        foreach (var year in Years)
        {
            var values = Incomes.Where(i => i.Key.Year == year).Select(i => i.Value).Order().ToList();
            var distribution = data.GetProperty($"d{year}");
            Assert.Equal(
                (values.Count, values[0], values[^1], Math.Round(values.Sum() / values.Count, 9), values[1]),
                (distribution.GetProperty("count").GetInt32(), distribution.GetProperty("min").GetDecimal(), distribution.GetProperty("max").GetDecimal(),
                    Math.Round(distribution.GetProperty("mean").GetDecimal(), 9), distribution.GetProperty("median").GetDecimal()));
        }
    }

    private static decimal Sum(string prefix, int year) =>
        Incomes.Where(i => i.Key.Year == year && i.Key.Village.StartsWith(prefix, StringComparison.Ordinal)).Sum(i => i.Value);
}
