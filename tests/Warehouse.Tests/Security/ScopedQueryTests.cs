using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Security;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Warehouse.Tests.Security;

/// <summary>The query engine answers only inside the current access scope: T1's principal never sees T2.</summary>
public sealed class ScopedQueryTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ObservationsAtEveryLevelCoverOnlyTheScopedVillages(WarehouseProvider provider)
    {
        await using var warehouse = await ScenarioAsync(provider);
        var engine = warehouse.Engine<ObservationEngine>();
        var caller = AccessScope.Within(AccessRole.Analyst, [T1]);

        var villages = await engine.QueryAsync(Request(AreaLevel.Village, null, caller), Ct);
        var townships = await engine.QueryAsync(Request(AreaLevel.Township, null, caller), Ct);
        var county = await engine.QueryAsync(Request(AreaLevel.County, County, caller), Ct);

        Assert.Equal([(A, 12.0), (B, 25.0)], villages.Select(o => (o.AreaCode, o.Value!.Value)).OrderBy(r => r.AreaCode));
        Assert.Equal([(T1, 37.0, 2, 2)], townships.Select(o => (o.AreaCode, o.Value!.Value, o.ReportingUnits, o.ExpectedUnits)));
        Assert.Equal([(County, 37.0, 2, 2)], county.Select(o => (o.AreaCode, o.Value!.Value, o.ReportingUnits, o.ExpectedUnits)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AnAreaOutsideTheScopeIsUnknownEverywhere(WarehouseProvider provider)
    {
        await using var warehouse = await ScenarioAsync(provider);
        var caller = AccessScope.Within(AccessRole.Analyst, [T1]);
        var period = PeriodKey.Parse("2024");

        var errors = new[]
        {
            await Assert.ThrowsAsync<QueryRuleException>(() => warehouse.Engine<ObservationEngine>().QueryAsync(Request(AreaLevel.Village, T2, caller), Ct)),
            await Assert.ThrowsAsync<QueryRuleException>(() => warehouse.Engine<DistributionEngine>().QueryAsync(new DistributionRequest(Income, period, C) { Caller = caller }, Ct)),
            await Assert.ThrowsAsync<QueryRuleException>(() => warehouse.Engine<GrowthEngine>().QueryAsync(new GrowthRequest(Income, AreaLevel.Village, T2, 2023, 2024) { Caller = caller }, Ct)),
            await Assert.ThrowsAsync<QueryRuleException>(() => warehouse.Engine<AttainmentEngine>().QueryAsync(new AttainmentRequest(Income, period, AreaLevel.Village, T2) { Caller = caller }, Ct)),
        };

        Assert.All(errors, e => Assert.Equal(QueryRuleException.UnknownArea, e.Code));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DistributionGrowthAndAttainmentSeeOnlyTheScopedVillages(WarehouseProvider provider)
    {
        await using var warehouse = await ScenarioAsync(provider);
        var caller = AccessScope.Within(AccessRole.Analyst, [T1]);
        var period = PeriodKey.Parse("2024");

        var distribution = await warehouse.Engine<DistributionEngine>().QueryAsync(new DistributionRequest(Income, period, County) { Caller = caller }, Ct);
        var growth = await warehouse.Engine<GrowthEngine>().QueryAsync(new GrowthRequest(Income, AreaLevel.Village, null, 2023, 2024) { Caller = caller }, Ct);
        var attainment = await warehouse.Engine<AttainmentEngine>().QueryAsync(new AttainmentRequest(Income, period, AreaLevel.Village, County) { Caller = caller }, Ct);

        Assert.Equal(2, distribution.Count);
        Assert.Equal(25.0, distribution.Max);
        Assert.Equal([A, B], growth.Select(g => g.AreaCode).Order(StringComparer.Ordinal));
        Assert.Equal([(A, 15.0, 12.0), (B, 20.0, 25.0)], attainment.Select(a => (a.AreaCode, a.Target, a.Actual!.Value)));
    }

    [Fact]
    public async Task ViewersGetNoVillageRowsAndOperatorsNoIndicatorValues()
    {
        await using var warehouse = await ScenarioAsync(WarehouseProvider.Sqlite);
        var engine = warehouse.Engine<ObservationEngine>();

        var viewer = AccessScope.Everything(AccessRole.Viewer);
        var villages = await Assert.ThrowsAsync<QueryRuleException>(() => engine.QueryAsync(Request(AreaLevel.Village, null, viewer), Ct));
        var townships = await engine.QueryAsync(Request(AreaLevel.Township, null, viewer), Ct);
        var operators = await Assert.ThrowsAsync<QueryRuleException>(() => engine.QueryAsync(Request(AreaLevel.County, null, AccessScope.Everything(AccessRole.Operator)), Ct));

        Assert.Equal(QueryRuleException.Forbidden, villages.Code);
        Assert.Equal([(T1, 37.0), (T2, 130.0)], townships.Select(o => (o.AreaCode, o.Value!.Value)).OrderBy(r => r.AreaCode));
        Assert.Equal(QueryRuleException.Forbidden, operators.Code);
    }

    [Fact]
    public async Task TheEngineAnswersForTheCallerOfTheRequestWhateverTheAmbientScope()
    {
        await using var warehouse = await ScenarioAsync(WarehouseProvider.Sqlite);
        var engine = warehouse.Engine<ObservationEngine>();

        AccessScope.Current = AccessScope.Within(AccessRole.Analyst, [T1]);
        try
        {
            var ofT2 = await engine.QueryAsync(Request(AreaLevel.Township, null, AccessScope.Within(AccessRole.Analyst, [T2])), Ct);
            var ofAll = await engine.QueryAsync(Request(AreaLevel.Township, null, null), Ct);

            Assert.Equal([(T2, 130.0)], ofT2.Select(o => (o.AreaCode, o.Value!.Value)));
            Assert.Equal([(T1, 37.0), (T2, 130.0)], ofAll.Select(o => (o.AreaCode, o.Value!.Value)).OrderBy(r => r.AreaCode));
        }
        finally
        {
            AccessScope.Current = null;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ObservationRequest Request(AreaLevel level, string? within, AccessScope? caller) =>
        new([Income], level, within, PeriodGrain.Year, PeriodKey.Parse("2024"), PeriodKey.Parse("2024")) { Caller = caller };

    private static async Task<TestWarehouse> ScenarioAsync(WarehouseProvider provider)
    {
        var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        return warehouse;
    }
}
