using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Rollups;
using Microsoft.EntityFrameworkCore;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Api.Tests.Schema.Analytics;

/// <summary>
/// A top N of villages through the API reads the kept ranking (<c>agg_ranking</c>) and answers exactly what the facts
/// answer: the same JSON with the ranking rows deleted.
/// </summary>
public sealed class RankedTopApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ATopNByValueOrGrowthFromTheRankingEqualsTheFactsAnswer(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await TwoTownships.LoadAsync(warehouse);
        await RebuildAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse);
        var client = api.CreateClient();
        string Query(string field, string direction, int first) => $$"""
            { observations(indicators: ["{{Income}}"], level: VILLAGE, within: "{{County}}", from: "2024", to: "2024",
                orderBy: [{ field: {{field}}, direction: {{direction}} }], first: {{first}}) {
                totalCount nodes { areaCode area { name } value reportingUnits expectedUnits previousValue periodGrowth yoyGrowth change yoyChange } } }
            """;
        string[] queries = [Query("VALUE", "DESC", 3), Query("VALUE", "ASC", 2), Query("YOY_GROWTH", "DESC", 3), Query("YOY_GROWTH", "ASC", 1), Query("PERIOD_GROWTH", "DESC", 2)];

        var ranked = new List<string>();
        foreach (var query in queries)
        {
            ranked.Add((await client.PostQueryAsync(query))["data"]!.ToJsonString());
        }

        // Growth 2024 on 2023: C 0.3, B 0.25, A 0.2; value: C 130, B 25, A 12.
        var top = await client.PostQueryAsync(queries[2]);
        Assert.Equal([C, B, A], top["data"]!["observations"]!["nodes"]!.AsArray().Select(n => n!["areaCode"]!.GetValue<string>()));
        Assert.Equal(3, top["data"]!["observations"]!["totalCount"]!.GetValue<int>());

        await using (var db = warehouse.CreateDbContext())
        {
            // A ranking altered by hand shows: the page's villages come from it.
            await db.RankingRollups.Where(r => r.Prefix == "3611" && r.Measure == RankingMeasure.Value && r.IsDescending && r.Rank == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.AreaCode, A), Ct);
            var altered = await client.PostQueryAsync(Query("VALUE", "DESC", 1));
            Assert.Equal(A, altered["data"]!["observations"]!["nodes"]![0]!["areaCode"]!.GetValue<string>());
            Assert.NotEqual(0, await db.RankingRollups.ExecuteDeleteAsync(Ct));
        }

        await using var facts = new GovernanceApiFactory(warehouse); // a fresh answer cache
        var fromFacts = new List<string>();
        foreach (var query in queries)
        {
            fromFacts.Add((await facts.CreateClient().PostQueryAsync(query))["data"]!.ToJsonString());
        }

        Assert.Equal(fromFacts, ranked);
    }

    private static async Task RebuildAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            Assert.NotEqual(0, await RankingRollups.RebuildAsync(db, Ct));
            await transaction.CommitAsync(Ct);
        });
    }
}
