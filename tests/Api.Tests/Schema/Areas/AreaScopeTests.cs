using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Security;
using static Governance.Api.Tests.Schema.Areas.AreaData;
using static Governance.Api.Tests.Schema.Areas.AreaQueriesTests;

namespace Governance.Api.Tests.Schema.Areas;

public sealed class AreaScopeTests
{
    private const string OtherTown = "361102102000";
    private const string OtherVillage = "361102102200";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ATownshipKeySeesOnlyItsOwnAreasThroughEveryField(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await SaveAsync(warehouse);
        await new Some(warehouse).Area(OtherTown, "白云乡").Area(OtherVillage, "白云村").SaveAsync();
        var (_, secret) = await new ApiKeyStore(warehouse.Factory, TimeProvider.System).CreateAsync("town", AccessRole.Analyst, [Town], cancellationToken: TestContext.Current.CancellationToken);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AllowAnonymous"] = "false" });
        using var client = api.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", secret);

        var data = await client.DataAsync($$"""
            {
              all: areas(includeHistoric: true) { totalCount nodes { code } }
              county: areas(within: "{{County}}") { nodes { code } }
              other: area(code: "{{OtherVillage}}") { code }
              town: area(code: "{{Town}}") { parent { code } ancestors { code } children { code } }
              v1: area(code: "{{V1}}") { series(indicator: "CE_OPERATING_INCOME", from: "2024") { value } }
            }
            """);
        using var outside = await client.SendQueryAsync($$"""{ areas(within: "{{OtherTown}}") { totalCount } }""");

        Assert.Equal([Town, K1, V1, V2, V3, V4], Codes(data.GetProperty("all").GetProperty("nodes")));
        Assert.Equal([Town, K1, V1, V4], Codes(data.GetProperty("county").GetProperty("nodes")));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("other").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, data.GetProperty("town").GetProperty("parent").ValueKind);
        Assert.Empty(Codes(data.GetProperty("town").GetProperty("ancestors")));
        Assert.Equal([K1, V1, V4], Codes(data.GetProperty("town").GetProperty("children")));
        Assert.Equal(12.5m, data.GetProperty("v1").GetProperty("series")[0].GetProperty("value").GetDecimal());
        Assert.Equal("UNKNOWN_AREA", (await outside.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task AViewerMayNotReadAVillageSeries()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await SaveAsync(warehouse);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Auth:AnonymousRole"] = "viewer" });
        using var client = api.CreateClient();

        using var response = await client.SendQueryAsync($$"""{ area(code: "{{V1}}") { series(indicator: "CE_OPERATING_INCOME") { value } } }""");

        Assert.Equal("FORBIDDEN", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }
}
