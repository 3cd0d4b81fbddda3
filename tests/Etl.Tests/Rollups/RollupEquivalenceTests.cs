using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Rollups;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Xunit.Sdk;
using RollupRows = Governance.Etl.Tests.Support.Rollups;

namespace Governance.Etl.Tests.Rollups;

/// <summary>
/// Identical answers: a generated prefecture loaded file by file through the ETL (merges, missing reports, corrections),
/// then random requests (levels, grains, ranges, within, structures, access scopes, indicators of every area rule),
/// each answered by the fact path's two grouped queries and by the roll-ups, compared field by field.
/// </summary>
public sealed class RollupEquivalenceTests
{
    private const int Requests = 200;

    private static readonly string[] Indicators =
    [
        "CE_OPERATING_INCOME", "CE_TOTAL_INCOME", "GOV_GRIDS", "CAD_TRAINING_SESSIONS", "PRJ_INCOME_GAIN", "ORG_COMPOUND_COVERAGE",
        "GOV_GRID_PARTY_COVERAGE", "CAD_TRAINING_COVERAGE", "CE_WEAK_VILLAGES", "CE_WEAK_SHARE", "ECOM_COVERAGE", "CE_MILLION_VILLAGES",
        "CE_INCOME_PER_VILLAGE", "CAD_EVAL_SCORE", "ORG_DEMO_TOWNSHIP_SHARE",
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RandomRequestsGetTheSameGroupedRowsFromTheRollupsAsFromTheFacts(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await LoadAsync(warehouse);
        await RollupRows.AssertEqualToTheFactsAsync(warehouse, "after the loads");

        // On PostgreSQL the requests run as the API's login, under row-level security (the roll-ups' policies included).
        await using var role = provider == WarehouseProvider.Postgres ? await TestApiRole.CreateAsync(warehouse) : null;
        var factory = role?.Factory ?? warehouse.Factory;
        var random = new Random(20261203);
        var (covered, expectedCovered, rows) = (0, 0, 0);
        for (var n = 0; n < Requests; n++)
        {
            var request = Draw(random);
            // The API's login sees nothing without a scope (row-level security): a request outside one reads as everything.
            AccessScope.Current = request.Scope ?? (role is null ? null : AccessScope.Everything(AccessRole.Analyst));
            try
            {
                await using var db = factory.CreateDbContext();
                var outcome = await CompareAsync(db, request, ct);
                covered += outcome.Covered ? 1 : 0;
                expectedCovered += outcome.ExpectedCovered ? 1 : 0;
                rows += outcome.Rows;
            }
            catch (Exception e) when (e is not XunitException and not QueryRuleException)
            {
                throw new InvalidOperationException($"request {n}: {request}", e);
            }
            catch (QueryRuleException)
            {
                // A request the engine refuses (a level finer than the indicator's, a within the scope hides) is refused either way.
            }
            finally
            {
                AccessScope.Current = null;
            }
        }

        // The rule must have said yes often enough for the comparison to mean something.
        Assert.True(covered >= 60, $"only {covered} of {Requests} requests were answered from the roll-ups ({expectedCovered} expected, {rows} rows)");
        Assert.True(expectedCovered >= 30, $"only {expectedCovered} requests had their expected units from the roll-ups");
        Assert.True(rows >= 400, $"only {rows} grouped rows compared");
        TestContext.Current.SendDiagnosticMessage($"{provider}: {covered} of {Requests} requests from the roll-ups ({expectedCovered} with expected units), {rows} grouped rows equal");
    }

    private static async Task<(bool Covered, bool ExpectedCovered, int Rows)> CompareAsync(WarehouseDbContext db, Request request, CancellationToken ct)
    {
        var plan = (await IndicatorPlanner.PlanAsync(db, [request.Indicator], request.Grain, ct))[0];
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, request.Scope, ct);
        var scope = new QueryScope(prefix, request.Level, request.Grain, new DateOnly(request.From, 1, 1), new DateOnly(request.To, 12, 31), request.Structure)
        {
            Caller = request.Scope,
            Lineage = request.Structure == AreaStructure.Current ? await LineageChains.ForAsync(db, prefix, request.Scope, ct) : Lineage.None,
        };
        plan = await ThresholdConstants.ResolveAsync(db, scope, plan, ct);
        var coverage = await RollupReader.CoverAsync(db, scope, plan, ct);
        var inRule = request.Structure == AreaStructure.AsReported && (int)request.Level < (int)plan.UnitLevel
            && (request.Scope is not { IsEverything: false } s || s.Prefixes.All(p => p.Length <= scope.KeyLength));
        Assert.True(inRule == (coverage is not null), $"{request}: the rule says {inRule}, the reader {coverage is not null}");
        if (coverage is null)
        {
            return (false, false, 0);
        }

        // Both at the kept scale, as the engine consumes them (KeptScale): the fact path adds doubles, the roll-ups decimals.
        var facts = KeptScale.Round(plan, await GroupQueries.Totals(db, scope, plan).ToListAsync(ct)).ToList();
        var rolled = KeptScale.Round(plan, await RollupReader.Totals(db, scope, plan, coverage).ToListAsync(ct)).ToList();
        Assert.Equal(Rows(facts), Rows(rolled));
        var expectedFacts = await GroupQueries.Expected(db, scope, plan).ToListAsync(ct);
        if (coverage.Expected)
        {
            var expectedRolled = await RollupReader.Expected(db, scope, plan).ToListAsync(ct);
            Assert.Equal(Sorted(expectedFacts), Sorted(expectedRolled));
        }

        // The indicator's value, numerator and denominator per group from either set of rows.
        var expected = expectedFacts.ToDictionary(e => (e.GroupCode, e.PeriodKey), e => e.Count);
        Assert.Equal(Values(plan, facts, expected), Values(plan, rolled, expected));
        return (true, coverage.Expected, facts.Count);
    }

    private static List<string> Rows(IEnumerable<GroupTotal> totals) =>
        [.. totals.Select(t => FormattableString.Invariant($"{t.GroupCode} {t.PeriodKey} {t.Role} sum {t.Sum:R} weight {t.Weight:R} meeting {t.Meeting} units {t.Units}")).Order(StringComparer.Ordinal)];

    private static List<string> Sorted(IEnumerable<ExpectedUnits> expected) =>
        [.. expected.Select(e => $"{e.GroupCode} {e.PeriodKey} {e.Count}").Order(StringComparer.Ordinal)];

    private static List<string> Values(IndicatorPlan plan, List<GroupTotal> totals, Dictionary<(string, string), int> expected) =>
        [.. totals.GroupBy(t => (t.GroupCode, t.PeriodKey)).Select(g =>
        {
            var (value, numerator, denominator) = plan.Evaluate(g.FirstOrDefault(t => t.Role == 0), g.FirstOrDefault(t => t.Role == 1), expected.GetValueOrDefault(g.Key));
            return FormattableString.Invariant($"{g.Key.GroupCode} {g.Key.PeriodKey} {value:R} {numerator:R} {denominator:R}");
        }).Order(StringComparer.Ordinal)];

    private static Request Draw(Random random)
    {
        var indicator = Indicators[random.Next(Indicators.Length)];
        var native = indicator switch
        {
            "CAD_TRAINING_SESSIONS" => PeriodGrain.Month,
            "GOV_GRIDS" or "ORG_COMPOUND_COVERAGE" or "GOV_GRID_PARTY_COVERAGE" or "CAD_TRAINING_COVERAGE" => PeriodGrain.Quarter,
            _ => PeriodGrain.Year,
        };
        var grain = (PeriodGrain)random.Next(1, (int)native + 1);
        var level = (AreaLevel)random.Next(1, 6);
        string?[] withins = [null, GeneratedCounty.Province, GeneratedCounty.Prefecture, GeneratedCounty.Counties[random.Next(2)], GeneratedCounty.Townships[random.Next(5)]];
        var within = withins[random.Next(withins.Length)];
        if (within is not null && AreaCode.Parse(within).Level > level)
        {
            within = null;
        }

        AccessScope?[] scopes =
        [
            null,
            AccessScope.Everything(AccessRole.Analyst),
            AccessScope.Within(AccessRole.Analyst, [GeneratedCounty.Counties[1]]),
            AccessScope.Within(AccessRole.Analyst, [GeneratedCounty.Townships[0], GeneratedCounty.Townships[3]]),
        ];
        var from = random.Next(2020, 2025);
        var to = Math.Min(2025, from + random.Next(0, 4));
        var structure = random.Next(5) == 0 ? AreaStructure.Current : AreaStructure.AsReported;
        return new Request(indicator, level, within, grain, from, to, structure, scopes[random.Next(scopes.Length)]);
    }

    /// <summary>The generated prefecture loaded file by file through the ETL: areas, two years, a merge, a year, a merge, a year, corrections.</summary>
    internal static async Task LoadAsync(TestWarehouse warehouse)
    {
        var ct = TestContext.Current.CancellationToken;
        using var folder = new TempFolder();
        var county = new GeneratedCounty(seed: 7);
        var areas = Loaders.Areas(warehouse);
        var facts = Loaders.Indicators(warehouse);
        async Task Load(Task<LoadResult> load, string name)
        {
            var result = await load;
            Assert.True(result.Status == LoadBatchStatus.Loaded, $"{name}: {result.Status} {result.Message} {string.Join("; ", result.Rejects.Take(3).Select(r => r.Message))}");
        }

        await Load(areas.LoadAsync(folder.Write("areas.csv", GeneratedCounty.Areas), LoadOptions.Default, ct), "areas");

        // A county of the second county's own with a higher weak-village line from 2022 (the per-fact threshold lookup).
        await using (var db = warehouse.CreateDbContext())
        {
            db.ThresholdParameters.Add(new ThresholdParameter { ParameterCode = "WEAK_VILLAGE_THRESHOLD", AreaCode = GeneratedCounty.Counties[1], ValidFrom = new DateOnly(2022, 1, 1), Value = 15, Description = "test" });
            await db.SaveChangesAsync(ct);
        }

        foreach (var year in new[] { 2021, 2022 })
        {
            foreach (var code in GeneratedCounty.Counties)
            {
                await Load(facts.LoadAsync(folder.Write($"{code}-{year}.csv", county.Year(code, year)), LoadOptions.Default, ct), $"{code} {year}");
            }
        }

        await Load(areas.LoadAsync(folder.Write("merge-2023.csv", GeneratedCounty.FirstMerge), LoadOptions.Default, ct), "first merge");
        foreach (var code in GeneratedCounty.Counties)
        {
            await Load(facts.LoadAsync(folder.Write($"{code}-2023.csv", county.Year(code, 2023)), LoadOptions.Default, ct), $"{code} 2023");
        }

        await Load(areas.LoadAsync(folder.Write("merge-2024.csv", GeneratedCounty.SecondMerge), LoadOptions.Default, ct), "second merge");
        foreach (var code in GeneratedCounty.Counties)
        {
            await Load(facts.LoadAsync(folder.Write($"{code}-2024.csv", county.Year(code, 2024)), LoadOptions.Default, ct), $"{code} 2024");
        }

        await Load(facts.LoadAsync(folder.Write("corrections.csv", county.Corrections()), LoadOptions.Default, ct), "corrections");
    }

    private sealed record Request(string Indicator, AreaLevel Level, string? Within, PeriodGrain Grain, int From, int To, AreaStructure Structure, AccessScope? Scope);
}
