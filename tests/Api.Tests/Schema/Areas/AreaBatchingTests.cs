using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;

namespace Governance.Api.Tests.Schema.Areas;

public sealed class AreaBatchingTests
{
    private const string Town = "361102101000";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SeriesOfTwoHundredVillagesTakeABoundedNumberOfStatements(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var some = new Some(warehouse).Area("361102000000", "测试县").Area(Town, "红星镇");
        for (var i = 0; i < 200; i++)
        {
            var code = $"361102101{200 + i}";
            some.Area(code, $"村{i}").Value("CE_OPERATING_INCOME", code, "2023", i).Value("CE_OPERATING_INCOME", code, "2024", 2 * i);
        }

        await some.SaveAsync();
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        await client.DataAsync("{ indicators { code } }");
        using var counter = new SqlCounter(warehouse);

        var data = await client.DataAsync($$"""
            {
              areas(level: VILLAGE, within: "{{Town}}", first: 200) {
                nodes { code parent { code } replacedBy { code } children { code } series(indicator: "CE_OPERATING_INCOME") { period value } }
              }
            }
            """);

        var nodes = data.GetProperty("areas").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(200, nodes.Count);
        for (var i = 0; i < 200; i++)
        {
            var points = nodes[i].GetProperty("series").EnumerateArray().Select(p => (p.GetProperty("period").GetString(), p.GetProperty("value").GetDecimal()));
            Assert.Equal([("2023", (decimal)i), ("2024", 2m * i)], points);
            Assert.Equal(Town, nodes[i].GetProperty("parent").GetProperty("code").GetString());
        }

        // within check, count, page, then one statement each for parents, lineage, children, the catalogue and the series.
        Assert.InRange(counter.Commands.Count, 1, 8);
    }
}
