using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Governance.TestSupport.TwoTownships;

namespace Governance.Warehouse.Tests.Querying;

/// <summary>
/// The source rule of <see cref="SourcePlanner"/>: the exact choice for given request shapes, over the seeded catalogue;
/// and a second source registered in DI answering the plans it covers, with the facts' answers.
/// </summary>
public sealed class SourcePlannerTests
{
    private static readonly DateOnly Start2024 = new(2024, 1, 1);
    private static readonly DateOnly End2024 = new(2024, 12, 31);

    [Fact]
    public async Task FactsAreUnitValuesOnlyForAPlainSumAsReportedAtItsGrainAndUnitLevelOverTheWholeArea()
    {
        var catalogue = await CatalogueAsync();
        var income = Plan(catalogue, "CE_OPERATING_INCOME", PeriodGrain.Year);
        var village = Scope(AreaLevel.Village);

        bool Rule(QueryScope scope, IndicatorPlan plan) => SourcePlanner.FactsAreUnitValues(PlanShape.Of(scope, plan, SourceNeeds.Values));

        Assert.True(Rule(village, income));
        Assert.True(Rule(village with { Prefix = "361100101" }, income));
        Assert.False(Rule(Scope(AreaLevel.Township), income)); // above the unit level: units add up to a group
        Assert.False(Rule(village with { Structure = AreaStructure.Current }, income)); // facts follow the lineage
        Assert.False(Rule(village with { Units = [A] }, income)); // a page of units
        Assert.False(Rule(Scope(AreaLevel.Village, PeriodGrain.Year), Plan(catalogue, "ORG_COMPOUNDS", PeriodGrain.Year))); // quarters inside a year
        Assert.True(Rule(Scope(AreaLevel.Village, PeriodGrain.Quarter), Plan(catalogue, "ORG_COMPOUNDS", PeriodGrain.Quarter)));
        Assert.True(Rule(Scope(AreaLevel.Township), Plan(catalogue, "PRJ_LED_PROJECTS", PeriodGrain.Year))); // townships are its units
        Assert.False(Rule(village, Plan(catalogue, "CE_WEAK_VILLAGES", PeriodGrain.Year))); // a threshold
        Assert.False(Rule(village, Plan(catalogue, "CAD_EVAL_SCORE", PeriodGrain.Year))); // a weight
        Assert.False(Rule(village, Plan(catalogue, "ORG_COMPOUND_COVERAGE", PeriodGrain.Quarter))); // a ratio
    }

    [Fact]
    public async Task DistributionValuesComeFromThePrecomputedRowsTheAreaValuesOrTheEvaluatedGroups()
    {
        var catalogue = await CatalogueAsync();
        var income = Plan(catalogue, "CE_OPERATING_INCOME", PeriodGrain.Year);
        var village = Scope(AreaLevel.Village) with { Prefix = "361100" };
        var ofT1 = AccessScope.Within(AccessRole.Analyst, [T1]);

        Assert.Equal(DistributionPath.Precomputed, SourcePlanner.ValuesFor(village, income, defaultBands: true));
        Assert.Equal(DistributionPath.Precomputed, SourcePlanner.ValuesFor(village with { Caller = AccessScope.Everything(AccessRole.Viewer) }, income, true));
        Assert.Equal(DistributionPath.Precomputed, SourcePlanner.ValuesFor(village with { Prefix = "361100101", Caller = ofT1 }, income, true));
        Assert.Equal(DistributionPath.AreaValues, SourcePlanner.ValuesFor(village with { Caller = ofT1 }, income, true)); // the caller sees part of the county
        Assert.Equal(DistributionPath.AreaValues, SourcePlanner.ValuesFor(village, income, defaultBands: false));
        Assert.Equal(DistributionPath.AreaValues, SourcePlanner.ValuesFor(village with { Level = AreaLevel.Township }, income, true));
        Assert.Equal(DistributionPath.Evaluated, SourcePlanner.ValuesFor(village, Plan(catalogue, "CE_WEAK_VILLAGES", PeriodGrain.Year), true));
        Assert.Equal(DistributionPath.Evaluated, SourcePlanner.ValuesFor(village, Plan(catalogue, "CE_INCOME_PER_VILLAGE", PeriodGrain.Year), true));
    }

    [Fact]
    public async Task OnlyOneSummedVillageIndicatorAsReportedSortedByValueIsPagedInTheDatabase()
    {
        var catalogue = await CatalogueAsync();
        var request = new ObservationRequest([Income], AreaLevel.Village, null, PeriodGrain.Year, PeriodKey.Parse("2024"), PeriodKey.Parse("2024"));
        var byValue = new ObservationOrder(ObservationOrderField.Value, Descending: true);

        Assert.True(SourcePlanner.PagesInDatabase(request, [], null));
        Assert.True(SourcePlanner.PagesInDatabase(request, [byValue], null));
        Assert.False(SourcePlanner.PagesInDatabase(request, [byValue, new ObservationOrder(ObservationOrderField.Area)], null));
        Assert.False(SourcePlanner.PagesInDatabase(request, [new ObservationOrder(ObservationOrderField.YoyGrowth)], null));
        Assert.False(SourcePlanner.PagesInDatabase(request, [], new ObservationFilter()));
        Assert.False(SourcePlanner.PagesInDatabase(request with { Level = AreaLevel.Township }, [], null));
        Assert.False(SourcePlanner.PagesInDatabase(request with { Structure = AreaStructure.Current }, [], null));
        Assert.False(SourcePlanner.PagesInDatabase(request with { IncludeNonReporting = true }, [], null));
        Assert.False(SourcePlanner.PagesInDatabase(request with { Indicators = [Income, "CE_ASSETS"] }, [], null));
        Assert.False(SourcePlanner.PagesInDatabase(request with { From = PeriodKey.Parse("2025") }, [], null));

        Assert.True(SourcePlanner.PagesInDatabase(Plan(catalogue, Income, PeriodGrain.Year)));
        Assert.False(SourcePlanner.PagesInDatabase(Plan(catalogue, "PRJ_LED_PROJECTS", PeriodGrain.Year))); // reported by townships
        Assert.False(SourcePlanner.PagesInDatabase(Plan(catalogue, "CE_WEAK_VILLAGES", PeriodGrain.Year)));
    }

    [Fact]
    public async Task ARegisteredSourceAnswersThePlansItCoversAndTheFactsTheRest()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        await LoadAsync(warehouse);
        var source = new TownshipSums();
        using var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<WarehouseDbContext>>(warehouse.Factory)
            .AddSingleton<IGroupSource>(source)
            .AddQueryEngine(useRollups: false)
            .BuildServiceProvider();
        var planner = services.GetRequiredService<SourcePlanner>();
        await using var db = warehouse.CreateDbContext();
        var catalogue = await CatalogueAsync(warehouse);
        var income = Plan(catalogue, Income, PeriodGrain.Year);

        Assert.Same(source, await planner.ForAsync(db, Scope(AreaLevel.Township), income, new SourceNeeds(), Ct));
        Assert.IsType<FactSource>(await planner.ForAsync(db, Scope(AreaLevel.Township), income, new SourceNeeds(ReportingUnits: true), Ct));
        Assert.IsType<FactSource>(await planner.ForAsync(db, Scope(AreaLevel.County), income, new SourceNeeds(), Ct));
        Assert.IsType<FactSource>(await planner.ForAsync(db, Scope(AreaLevel.Township), Plan(catalogue, "CE_WEAK_VILLAGES", PeriodGrain.Year), new SourceNeeds(), Ct));

        var request = new ObservationRequest([Income], AreaLevel.Township, County, PeriodGrain.Year, PeriodKey.Parse("2023"), PeriodKey.Parse("2024"), Parts: ObservationParts.None);
        var answered = await services.GetRequiredService<ObservationEngine>().QueryAsync(request, Ct);
        var fromFacts = await warehouse.Engine<ObservationEngine>().QueryAsync(request, Ct);

        Assert.Equal(1, source.Calls);
        Assert.Equal(fromFacts.Select(o => (o.AreaCode, o.Period, o.Value)), answered.Select(o => (o.AreaCode, o.Period, o.Value)));
        Assert.Equal([(T1, "2024", 37.0), (T2, "2024", 130.0)], answered.Where(o => o.Period.Year == 2024).Select(o => (o.AreaCode, o.Period.Value, o.Value!.Value)));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueryScope Scope(AreaLevel level, PeriodGrain grain = PeriodGrain.Year) =>
        new(string.Empty, level, grain, Start2024, End2024, AreaStructure.AsReported);

    private static IndicatorPlan Plan(IReadOnlyDictionary<string, Indicator> catalogue, string code, PeriodGrain grain) =>
        IndicatorPlanner.Plan(catalogue, code, grain);

    private static async Task<IReadOnlyDictionary<string, Indicator>> CatalogueAsync()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        return await CatalogueAsync(warehouse);
    }

    private static async Task<IReadOnlyDictionary<string, Indicator>> CatalogueAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        return await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal, Ct);
    }

    /// <summary>A second source for plain sums at township level, answering from the facts' own SQL as a roll-up must answer.</summary>
    private sealed class TownshipSums : IGroupSource
    {
        private readonly FactSource _facts = new();

        public int Calls { get; private set; }

        public string Name => "township sums";

        public ValueTask<bool> CoversAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, SourceNeeds needs, CancellationToken cancellationToken) =>
            ValueTask.FromResult(PlanShape.Of(scope, plan, needs) is { Level: AreaLevel.Township, PlainSum: true, ReportingUnits: false, ExpectedUnits: false, RequestUnits: false, Structure: AreaStructure.AsReported });

        public Task<IReadOnlyList<GroupTotal>> TotalsAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, bool countUnits, CancellationToken cancellationToken)
        {
            Calls++;
            return _facts.TotalsAsync(db, scope, plan, countUnits, cancellationToken);
        }

        public Task<IReadOnlyList<ExpectedUnits>> ExpectedAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken) =>
            _facts.ExpectedAsync(db, scope, plan, cancellationToken);

        public Task<IReadOnlyList<double>> AreaValuesAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken) =>
            _facts.AreaValuesAsync(db, scope, plan, cancellationToken);
    }
}
