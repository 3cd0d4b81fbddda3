using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Warehouse.Tests.Security;

/// <summary>
/// The API's contexts carry the request's scope to PostgreSQL: queries without any application filter, run as the
/// API's role, still return only the scoped rows.
/// </summary>
public sealed class ScopeCommandInterceptorTests
{
    [Fact]
    public async Task UnfilteredQueriesOfATownshipScopeReturnOnlyItsRows()
    {
        await using var warehouse = await RowLevelSecurityTests.ScenarioAsync();
        await using var role = await TestApiRole.CreateAsync(warehouse);
        AccessScope.Current = AccessScope.Within(AccessRole.Analyst, [T1]);
        var c = C;
        var a = A;

        await using var db = role.Factory.CreateDbContext();
        var facts = await db.IndicatorValues.SumAsync(v => v.Value, Ct);
        var targets = await db.Targets.SumAsync(t => t.TargetValue, Ct);
        var codes = await db.Areas.Select(x => x.AreaCode).OrderBy(x => x).ToListAsync(Ct);
        var other = await db.Areas.CountAsync(x => x.AreaCode == c, Ct);
        var own = await db.Areas.CountAsync(x => x.AreaCode == a, Ct);

        Assert.Equal(Incomes.Where(i => i.Key.Village is A or B).Sum(i => i.Value), facts);
        Assert.Equal(15m + 20m, targets);
        Assert.Equal([County, T1, A, B], codes);
        Assert.Equal((0, 1), (other, own));
    }

    [Fact]
    public async Task ACountyWideScopeSeesEveryRowAndNoScopeSeesNone()
    {
        await using var warehouse = await RowLevelSecurityTests.ScenarioAsync();
        await using var role = await TestApiRole.CreateAsync(warehouse);

        AccessScope.Current = AccessScope.Everything(AccessRole.Admin);
        var everything = await CountFactsAsync(role);
        AccessScope.Current = AccessScope.Within(AccessRole.Admin, [County]);
        var county = await CountFactsAsync(role);
        AccessScope.Current = null;
        var none = await CountFactsAsync(role);

        Assert.Equal((Incomes.Count, Incomes.Count, 0), (everything, county, none));
    }

    [Fact]
    public async Task TheQueryEngineAnswersAsTheRoleWithTheSameTotals()
    {
        await using var warehouse = await RowLevelSecurityTests.ScenarioAsync();
        await using var role = await TestApiRole.CreateAsync(warehouse);
        var engine = QueryEngines.Over<ObservationEngine>(role.Factory);
        var request = new ObservationRequest([Income], AreaLevel.County, County, PeriodGrain.Year, PeriodKey.Parse("2024"), PeriodKey.Parse("2024"));

        AccessScope.Current = AccessScope.Within(AccessRole.Analyst, [T1]);
        var township = await engine.QueryAsync(request, Ct);
        AccessScope.Current = AccessScope.Everything(AccessRole.Admin);
        var all = await engine.QueryAsync(request, Ct);

        Assert.Equal([(County, (double)(Incomes[(A, 2024)] + Incomes[(B, 2024)]))], township.Select(o => (o.AreaCode, o.Value!.Value)));
        Assert.Equal([(County, (double)(Incomes[(A, 2024)] + Incomes[(B, 2024)] + Incomes[(C, 2024)]))], all.Select(o => (o.AreaCode, o.Value!.Value)));
    }

    [Fact]
    public void TheStatementCarriesOnlyAValidatedScope()
    {
        var statement = ScopeCommandInterceptor.Statement(AccessScope.Within(AccessRole.Viewer, ["361100102000", "361100101000"]));

        Assert.Equal("DO $scope$ BEGIN PERFORM set_config('governance.scope', '361100101,361100102', true); END $scope$;\n", statement);
        Assert.Contains("'*'", ScopeCommandInterceptor.Statement(AccessScope.Everything(AccessRole.Admin)), StringComparison.Ordinal);
    }

    private static async Task<int> CountFactsAsync(TestApiRole role)
    {
        await using var db = role.Factory.CreateDbContext();
        return await db.IndicatorValues.CountAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
