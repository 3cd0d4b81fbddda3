using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using Governance.Warehouse.Querying;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Engines;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Statistics;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Sdk;

namespace Governance.Etl.Tests.Rollups;

/// <summary>
/// Identical answers through the engine: the generated prefecture of <see cref="RollupEquivalenceTests"/> (merges, missing
/// reports, corrections) loaded through the ETL, then random requests of every engine (observations with every part,
/// pages, growth, attainment, distributions; levels, grains, ranges, within, AS_REPORTED and CURRENT, access scopes, base
/// and derived indicators of every area rule), each answered by the real services of <c>AddQueryEngine</c> twice, with
/// <c>Warehouse:Rollups:Use</c> on and off, and compared field by field, every bit. Which source answered each plan is
/// counted from the planner's Debug log.
/// </summary>
public sealed class RollupSourceEquivalenceTests
{
    private const int Requests = 160;

    private static readonly string[] Indicators =
    [
        "CE_OPERATING_INCOME", "CE_TOTAL_INCOME", "GOV_GRIDS", "CAD_TRAINING_SESSIONS", "PRJ_INCOME_GAIN", "ORG_COMPOUND_COVERAGE",
        "GOV_GRID_PARTY_COVERAGE", "CAD_TRAINING_COVERAGE", "CE_WEAK_VILLAGES", "CE_WEAK_SHARE", "ECOM_COVERAGE", "CE_MILLION_VILLAGES",
        "CE_INCOME_PER_VILLAGE", "CAD_EVAL_SCORE", "ORG_DEMO_TOWNSHIP_SHARE",
    ];

    /// <summary>Indicators given targets in 2024 for the attainment requests.</summary>
    private static readonly string[] Targeted = ["CE_OPERATING_INCOME", "CE_WEAK_VILLAGES", "CE_WEAK_SHARE", "CAD_EVAL_SCORE", "CE_INCOME_PER_VILLAGE"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RandomRequestsGetTheSameAnswersWithTheRollupsInUseAsFromTheFactsAlone(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await RollupEquivalenceTests.LoadAsync(warehouse);
        await LoadTargetsAsync(warehouse);

        // On PostgreSQL the engine reads as the API's login, under row-level security (the roll-ups' policies included).
        await using var role = provider == WarehouseProvider.Postgres ? await TestApiRole.CreateAsync(warehouse) : null;
        var factory = role?.Factory ?? warehouse.Factory;
        var rolled = new SourceCounts();
        var facts = new SourceCounts();
        await using var withRollups = Compose(factory, useRollups: true, rolled);
        await using var factsOnly = Compose(factory, useRollups: false, facts);

        var random = new Random(20261204);
        var (fromRollups, refused, rows) = (0, 0, 0);
        var kinds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < Requests; n++)
        {
            var request = Draw(random);
            AccessScope.Current = request.Caller ?? (role is null ? null : AccessScope.Everything(AccessRole.Analyst));
            try
            {
                var before = rolled.Rollups;
                var answer = await AnswerAsync(withRollups, request);
                var rollupPlans = rolled.Rollups - before;
                var expected = await AnswerAsync(factsOnly, request);
                Assert.True(expected.Text == answer.Text, $"request {n} {request} differs ({rollupPlans} plan(s) from the roll-ups):\n{Diff(expected.Text, answer.Text)}");
                fromRollups += rollupPlans > 0 ? 1 : 0;
                refused += answer.Refused ? 1 : 0;
                rows += answer.Rows;
                kinds[request.Kind] = kinds.GetValueOrDefault(request.Kind) + (rollupPlans > 0 ? 1 : 0);
            }
            catch (Exception e) when (e is not XunitException)
            {
                throw new InvalidOperationException($"request {n}: {request}", e);
            }
            finally
            {
                AccessScope.Current = null;
            }
        }

        // Off, nothing comes from the roll-ups; on, enough requests of each engine did for the comparison to mean something.
        Assert.Equal(0, facts.Rollups);
        var summary = $"{fromRollups} of {Requests} requests had plans answered from the roll-ups ({rolled.Rollups} plans, {rolled.Facts} from the facts; by engine {string.Join(", ", kinds.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key} {k.Value}"))}), {refused} refused alike, {rows} rows equal";
        Assert.True(fromRollups >= Requests / 4, summary);
        Assert.True(rows >= 600, summary);
        foreach (var kind in new[] { "observations", "growth", "attainment", "distribution" })
        {
            Assert.True(kinds.GetValueOrDefault(kind) >= 3, $"{kind}: {summary}");
        }

        TestContext.Current.SendDiagnosticMessage($"{provider}: {summary}");
    }

    /// <summary>The engine as the hosts compose it, with the planner's Debug log counted per source.</summary>
    private static ServiceProvider Compose(IDbContextFactory<WarehouseDbContext> factory, bool useRollups, SourceCounts counts) =>
        new ServiceCollection()
            .AddSingleton(factory)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(counts))
            .AddQueryEngine(useRollups: useRollups)
            .BuildServiceProvider();

    /// <summary>One request answered in a scope of its own (as the API answers one HTTP request), written out field by field.</summary>
    private static async Task<(string Text, int Rows, bool Refused)> AnswerAsync(ServiceProvider services, Request request)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var text = new StringBuilder();
        try
        {
            switch (request.Kind)
            {
                case "observations":
                    var observations = await sp.GetRequiredService<ObservationEngine>().QueryAsync(request.Observations(), Ct);
                    Write(text, observations);
                    return (text.ToString(), observations.Count, false);
                case "page":
                    var page = await sp.GetRequiredService<ObservationPager>().PageAsync(request.Observations(), request.Order, null, 0, 25, countTotal: true, Ct);
                    text.Append(CultureInfo.InvariantCulture, $"total {page.TotalCount}\n");
                    Write(text, page.Rows);
                    return (text.ToString(), page.Rows.Count, false);
                case "growth":
                    var growth = await sp.GetRequiredService<GrowthEngine>().QueryAsync(new GrowthRequest(request.Indicators[0], request.Level, request.Within, request.From, request.To) { Caller = request.Caller }, Ct);
                    foreach (var g in growth)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"{g.AreaCode} {g.IndicatorCode} {Area(g.Area)} {Trend(g.Trend)}\n");
                    }

                    return (text.ToString(), growth.Count, false);
                case "attainment":
                    var attainment = await sp.GetRequiredService<AttainmentEngine>().QueryAsync(new AttainmentRequest(request.Indicators[0], PeriodKey.ForYear(request.To), request.Level, request.Within) { Caller = request.Caller }, Ct);
                    foreach (var a in attainment)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"{a.AreaCode} {a.IndicatorCode} {a.Period} target {D(a.Target)} actual {D(a.Actual)} from {a.ActualPeriod} lower {a.LowerIsBetter} met {a.Met} gap {D(a.Gap)} projected {a.ProjectedYear} on schedule {a.OnSchedule} {Area(a.Area)} {Trend(a.Trend)}\n");
                    }

                    return (text.ToString(), attainment.Count, false);
                default:
                    var d = await sp.GetRequiredService<DistributionEngine>().QueryAsync(new DistributionRequest(request.Indicators[0], request.Period, request.Within, request.Level, request.Breaks) { Caller = request.Caller }, Ct);
                    text.Append(CultureInfo.InvariantCulture, $"count {d.Count} mean {D(d.Mean)} sd {D(d.StdDev)} min {D(d.Min)} p10 {D(d.P10)} q1 {D(d.Q1)} median {D(d.Median)} q3 {D(d.Q3)} p90 {D(d.P90)} max {D(d.Max)} gini {D(d.Gini)}\n");
                    foreach (var band in d.Bands)
                    {
                        text.Append(CultureInfo.InvariantCulture, $"band {band.Label} {D(band.Lower)} {D(band.Upper)} {band.Count} {band.IsZero}\n");
                    }

                    return (text.ToString(), 1, false);
            }
        }
        catch (QueryRuleException e)
        {
            // A request the engine refuses (a level finer than the indicator's, a within the scope hides) must be refused alike.
            return ($"refused {e.Code}: {e.Message}", 0, true);
        }
    }

    private static void Write(StringBuilder text, IEnumerable<Observation> rows)
    {
        foreach (var o in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.AreaCode} {o.Period} {o.IndicatorCode} value {D(o.Value)} num {D(o.Numerator)} den {D(o.Denominator)} units {o.ReportingUnits}/{o.ExpectedUnits} prev {D(o.PreviousValue)} growth {D(o.PeriodGrowth)} yoy {D(o.YoyGrowth)} change {D(o.Change)} yoy change {D(o.YoyChange)} indicator {o.Indicator?.IndicatorCode} {Area(o.Area)}\n");
        }
    }

    private static string Area(Area? a) => a is null ? "no area" : FormattableString.Invariant($"area {a.AreaSk} {a.AreaCode} {a.Name} {a.Kind} {a.ValidFrom:yyyy-MM-dd}..{a.ValidTo:yyyy-MM-dd}");

    private static string Trend(GrowthTrend t) =>
        FormattableString.Invariant($"points {string.Join(",", t.Points.Select(p => $"{p.Year}:{D(p.Value)}"))} cagr {D(t.Cagr)} change {D(t.Change)} trend {D(t.TrendGrowth)} r2 {D(t.RSquared)}");

    /// <summary>A double's exact bits (round-trip), "-" for null.</summary>
    private static string D(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "-";

    private static string Diff(string expected, string actual)
    {
        var (e, a) = (expected.Split('\n'), actual.Split('\n'));
        var lines = e.Except(a).Select(l => $"- {l}").Concat(a.Except(e).Select(l => $"+ {l}")).Take(12);
        return string.Join('\n', lines);
    }

    private static Request Draw(Random random)
    {
        string[] kinds = ["observations", "observations", "observations", "page", "growth", "attainment", "distribution", "distribution"];
        var kind = kinds[random.Next(kinds.Length)];
        var indicator = kind == "attainment" ? Targeted[random.Next(Targeted.Length)] : Indicators[random.Next(Indicators.Length)];
        var native = NativeGrain(indicator);
        var grain = kind is "growth" or "attainment" ? PeriodGrain.Year : (PeriodGrain)random.Next(1, (int)native + 1);
        var level = kind == "distribution" && random.Next(3) == 0 ? AreaLevel.Village : (AreaLevel)random.Next(1, kind == "attainment" ? 5 : 6);
        string?[] withins = [null, GeneratedCounty.Province, GeneratedCounty.Prefecture, GeneratedCounty.Counties[random.Next(2)], GeneratedCounty.Townships[random.Next(5)]];
        var within = withins[random.Next(withins.Length)];
        if (within is not null && AreaCode.Parse(within).Level > level)
        {
            within = null;
        }

        AccessScope?[] callers =
        [
            null,
            AccessScope.Everything(AccessRole.Analyst),
            AccessScope.Within(AccessRole.Analyst, [GeneratedCounty.Counties[1]]),
            AccessScope.Within(AccessRole.Analyst, [GeneratedCounty.Townships[0], GeneratedCounty.Townships[3]]),
        ];
        var from = random.Next(2020, 2025);
        var to = kind == "attainment" ? 2024 : Math.Min(2025, from + random.Next(0, 4));
        var structure = random.Next(4) == 0 ? AreaStructure.Current : AreaStructure.AsReported;
        var parts = (ObservationParts)random.Next(0, 16);
        ObservationOrder[][] orders = [[], [new ObservationOrder(ObservationOrderField.Value, Descending: true)], [new ObservationOrder(ObservationOrderField.Area)]];
        var period = grain switch
        {
            PeriodGrain.Quarter => PeriodKey.Parse(FormattableString.Invariant($"{to}Q{random.Next(1, 5)}")),
            PeriodGrain.Month => PeriodKey.Parse(FormattableString.Invariant($"{to}{random.Next(1, 13):00}")),
            _ => PeriodKey.ForYear(to),
        };
        IReadOnlyList<double>? breaks = random.Next(3) == 0 ? [1, 10, 100] : null;
        string[] indicators = kind == "observations" && random.Next(3) == 0
            ? [indicator, Indicators.Where(i => NativeGrain(i) >= grain).OrderBy(_ => random.Next()).First()]
            : [indicator];
        return new Request(kind, indicators.Distinct(StringComparer.Ordinal).ToArray(), level, within, grain, from, to, structure, random.Next(3) == 0, parts, orders[random.Next(orders.Length)], period, breaks, callers[random.Next(callers.Length)]);
    }

    private static PeriodGrain NativeGrain(string indicator) => indicator switch
    {
        "CAD_TRAINING_SESSIONS" => PeriodGrain.Month,
        "GOV_GRIDS" or "ORG_COMPOUND_COVERAGE" or "GOV_GRID_PARTY_COVERAGE" or "CAD_TRAINING_COVERAGE" => PeriodGrain.Quarter,
        _ => PeriodGrain.Year,
    };

    /// <summary>Targets for 2024 of the prefecture, both counties and every township, through the ETL's target loader.</summary>
    private static async Task LoadTargetsAsync(TestWarehouse warehouse)
    {
        using var folder = new TempFolder();
        var csv = new StringBuilder("area_code,indicator,period,target\n");
        string[] areas = [GeneratedCounty.Prefecture, .. GeneratedCounty.Counties, .. GeneratedCounty.Townships];
        foreach (var (area, i) in areas.Select((a, i) => (a, i)))
        {
            foreach (var indicator in Targeted)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{area},{indicator},2024,{10 + (i * 7)}\n");
            }
        }

        var result = await Loaders.Targets(warehouse).LoadAsync(folder.Write("targets.csv", csv.ToString()), LoadOptions.Default, Ct);
        Assert.True(result.Status == LoadBatchStatus.Loaded, $"targets: {result.Status} {result.Message} {string.Join("; ", result.Rejects.Take(3).Select(r => r.Message))}");
    }

    private sealed record Request(
        string Kind,
        string[] Indicators,
        AreaLevel Level,
        string? Within,
        PeriodGrain Grain,
        int From,
        int To,
        AreaStructure Structure,
        bool IncludeNonReporting,
        ObservationParts Parts,
        ObservationOrder[] Order,
        PeriodKey Period,
        IReadOnlyList<double>? Breaks,
        AccessScope? Caller)
    {
        public ObservationRequest Observations() =>
            new(Indicators, Level, Within, Grain, PeriodKey.ForYear(From), PeriodKey.ForYear(To), Structure, IncludeNonReporting, Parts) { Caller = Caller };

        public override string ToString() =>
            FormattableString.Invariant($"{Kind} [{string.Join(",", Indicators)}] {Level} within {Within ?? "-"} {Grain} {From}..{To} {Structure} nonreporting {IncludeNonReporting} parts {Parts} order [{string.Join(",", Order.Select(o => $"{o.Field}{(o.Descending ? " desc" : "")}"))}] period {Period} breaks {(Breaks is null ? "-" : string.Join(",", Breaks))} caller {(Caller is null ? "-" : Caller.IsEverything ? "everything" : string.Join(",", Caller.Prefixes))}");
    }

    /// <summary>Counts the planner's Debug lines by the source that answered (<c>... from rollups</c>, <c>... from facts</c>).</summary>
    private sealed class SourceCounts : ILoggerProvider
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        public int Rollups => _counts.GetValueOrDefault("rollups");

        public int Facts => _counts.GetValueOrDefault("facts");

        public ILogger CreateLogger(string categoryName) => new Counter(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Counter(SourceCounts owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category == typeof(SourcePlanner).FullName && logLevel == LogLevel.Debug;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel) && state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "Source").Value is string source)
                {
                    owner._counts.AddOrUpdate(source, 1, (_, n) => n + 1);
                }
            }
        }
    }
}
