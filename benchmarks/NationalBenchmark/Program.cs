using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Governance.ApiBenchmark;
using Governance.NationalBenchmark;

// Issue 12's national benchmark: the real 2022 division codes with generated villages and communities, the indicators of
// its table, loaded with the real `governance` loader, then each question through the real API (answer cache off, then
// on) beside hand-written SQL on the facts. Not a test: run it by hand on a Release build (docs/benchmarks.md).
// `areas OUT.csv` only writes the national area list (for timing `governance areas` by hand).
if (args is ["areas", var output])
{
    var nationList = Divisions.Read(Divisions.DefaultFolder(Processes.RepositoryRoot()));
    var written = NationalAreas.Write(output, nationList, NationalAreas.Plan(nationList, seed: 12));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{written:N0} areas written to {output}"));
    return 0;
}

NationalOptions options;
try
{
    options = NationalOptions.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

Directory.CreateDirectory(options.Work);
var clock = Stopwatch.StartNew();
await using var machine = new LoadAverage();
var nation = Divisions.Read(options.DivisionsFolder ?? Divisions.DefaultFolder(Processes.RepositoryRoot()));
var plan = NationalAreas.Plan(nation, seed: 12);
var province = options.Province ?? "41";
if (!nation.Provinces.Any(p => p.Code.StartsWith(province, StringComparison.Ordinal)))
{
    Console.Error.WriteLine($"--scale province:{province}: no province has the code {province}0000000000 in the division list.");
    return 2;
}

var divisions = options.National ? nation : nation.Within(new HashSet<string>([province], StringComparer.Ordinal));
var townships = options.National ? plan : plan.Where(t => t.Township.Code.StartsWith(province, StringComparison.Ordinal)).ToList();

// The township question's county: the chosen province's county with the most villages (the same in both scales).
var county = plan.Where(t => t.Township.Code.StartsWith(province, StringComparison.Ordinal))
    .GroupBy(t => t.Township.Code[..6], StringComparer.Ordinal)
    .OrderByDescending(g => g.Sum(t => t.Villages)).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
var files = (Areas: Path.Combine(options.Work, "areas.csv"), Income: Path.Combine(options.Work, "income.csv"), Compounds: Path.Combine(options.Work, "compounds.csv"));
var areaRows = NationalAreas.Write(files.Areas, divisions, townships);
var incomeRows = IndicatorFiles.WriteIncome(files.Income, townships, seed: 12);
var compoundRows = IndicatorFiles.WriteCompounds(files.Compounds, townships, seed: 12);
Console.WriteLine(Invariant($"{options.ScaleName} on {options.Engine}: {areaRows:N0} areas ({townships.Sum(t => t.Villages):N0} villages, {townships.Sum(t => t.Communities):N0} communities), {incomeRows:N0} income values, {compoundRows:N0} compound values; written in {clock.Elapsed.TotalSeconds:N0} s"));

var warehouseName = options.National ? "nation" : $"p{province}";
Warehouse warehouse;
try
{
    warehouse = options.Load ? await Warehouse.CreateAsync(options, warehouseName) : await Warehouse.OpenAsync(options, warehouseName);
}
catch (UsageException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var hasRollups = await GovernanceCommand.HasRollupsAsync(warehouse.Environment);
Console.WriteLine(hasRollups ? $"Roll-ups on this build: the second load runs with {options.RollupsSetting}=false." : "No roll-ups on this build (no `governance rollups` command): the load without maintenance is n/a.");
var loaded = options.Load ? await LoadAsync(warehouse.Environment, "with roll-up maintenance") : null;
if (!options.Load)
{
    Console.WriteLine($"--load false: the questions over the warehouse an earlier run loaded ({warehouse.Database ?? warehouse.ConnectionString}), no load timed.");
}
var questions = NationalQuestion.All(province, county);
var results = questions.ToDictionary(q => q.Name, _ => new Result(), StringComparer.Ordinal);
var apiPeaks = new Dictionary<bool, double?>();
foreach (var cached in new[] { false, true })
{
    await using var api = await ApiProcess.StartAsync(warehouse, answerCache: cached);
    foreach (var question in questions)
    {
        var result = results[question.Name];
        long rows;
        double p50, p95;
        try
        {
            rows = question.ApiRows(await api.QueryAsync(question.GraphQL)); // warm-up (and, with the cache on, the miss that fills it)
            (p50, p95) = await Latency.MeasureAsync(() => api.QueryAsync(question.GraphQL), warmup: 0, options.Iterations);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            // One question failing (a timeout, an error) leaves the others to measure: the table says which failed.
            result.Failure = $"{(cached ? "warm" : "cold")}: {e.Message[..Math.Min(e.Message.Length, 300)]}";
            Console.WriteLine($"  {question.Name}: API (cache {(cached ? "on" : "off")}) failed: {result.Failure}");
            continue;
        }

        if (cached)
        {
            (result.WarmP50, result.WarmP95) = (p50, p95);
            Console.WriteLine(Invariant($"  {question.Name}: API (cache on) p50 {Ms(p50)}, p95 {Ms(p95)}"));
        }
        else
        {
            (result.ColdP50, result.ColdP95, result.ApiRows) = (p50, p95, rows);
            Console.WriteLine(Invariant($"  {question.Name}: API (cache off) p50 {Ms(p50)}, p95 {Ms(p95)}, {rows:N0} rows"));
        }
    }

    apiPeaks[cached] = api.PeakMegabytes;
    Console.WriteLine(Invariant($"  API peak RSS with the answer cache {(cached ? "on" : "off")}: {api.PeakMegabytes:N0} MB"));
}

foreach (var question in questions)
{
    var result = results[question.Name];
    result.SqlRows = await ReadAllAsync(warehouse.Connect, question.Sql);
    (result.SqlP50, result.SqlP95) = await Latency.MeasureAsync(() => ReadAllAsync(warehouse.Connect, question.Sql), warmup: 0, options.Iterations);
    Console.WriteLine(Invariant($"  {question.Name}: SQL p50 {Ms(result.SqlP50)}, p95 {Ms(result.SqlP95)}, {result.SqlRows:N0} rows"));
}

// The questions' figures first, then the second load (long at national scale: a run cut short still has them).
Console.WriteLine();
PrintQuestions();
var apiPeak = apiPeaks.Values.Max(v => v ?? 0);
Console.WriteLine(Invariant($"API peak RSS (VmHWM): {apiPeaks[false]:N0} MB with the answer cache off, {apiPeaks[true]:N0} MB with it on (each a fresh process that answered every question)."));
if (loaded is not { } maintained)
{
    Console.WriteLine();
    Console.WriteLine(Invariant($"## {options.ScaleName}, {(options.Engine == "postgres" ? "PostgreSQL" : "SQLite")} ({Environment.ProcessorCount} cores, {Machine()}), questions only"));
    Console.WriteLine();
    PrintQuestions();
    Console.WriteLine();
    PrintQuestionTargets();
    Console.WriteLine(Invariant($"| API peak memory < 400 MB | {apiPeak:N0} MB | {Met(apiPeak < 400)} |"));
    if (!options.Keep)
    {
        await warehouse.DropAsync();
    }

    return 0;
}

Loads? unmaintained = null;
if (hasRollups && options.UnmaintainedLoad)
{
    var bare = await Warehouse.CreateAsync(options, options.National ? "nation_unmaintained" : $"p{province}_unmaintained");
    var environment = new Dictionary<string, string>(bare.Environment) { [options.RollupsSetting.Replace(":", "__", StringComparison.Ordinal)] = "false" };
    unmaintained = await LoadAsync(environment, "without roll-up maintenance");
    await bare.DropAsync();
}

Console.WriteLine();
Console.WriteLine(Invariant($"## {options.ScaleName}, {(options.Engine == "postgres" ? "PostgreSQL" : "SQLite")} ({Environment.ProcessorCount} cores, {Machine()})"));
Console.WriteLine();
Console.WriteLine("| load | rows | with roll-up maintenance | without | loader peak RSS |");
Console.WriteLine("| --- | --- | --- | --- | --- |");
foreach (var (name, rows, with, without) in new[]
{
    ("areas", (long)areaRows, maintained.Areas, unmaintained?.Areas),
    ("income, yearly", incomeRows, maintained.Income, unmaintained?.Income),
    ("compounds, quarterly", compoundRows, maintained.Compounds, unmaintained?.Compounds),
})
{
    Console.WriteLine(Invariant($"| {name} | {rows:N0} | {Seconds(with, rows)} | {(without is null ? NotMeasured() : Seconds(without, rows))} | {with.PeakMegabytes:N0} MB |"));
}

Console.WriteLine();
PrintQuestions();

var factRows = incomeRows + compoundRows;
var factsWith = maintained.Income.Elapsed + maintained.Compounds.Elapsed;
var loaderPeak = new[] { maintained.Areas, maintained.Income, maintained.Compounds }.Concat(unmaintained is null ? [] : [unmaintained.Areas, unmaintained.Income, unmaintained.Compounds])
    .Max(r => r.PeakMegabytes ?? 0);
Console.WriteLine();
Console.WriteLine(Invariant($"Facts loaded (income and compounds, {factRows:N0} rows): with roll-up maintenance {factsWith.TotalSeconds:N1} s ({factRows / factsWith.TotalSeconds:N0} rows/s)") + (unmaintained is null
    ? "."
    : Invariant($", without {(unmaintained.Income.Elapsed + unmaintained.Compounds.Elapsed).TotalSeconds:N1} s ({factRows / (unmaintained.Income.Elapsed + unmaintained.Compounds.Elapsed).TotalSeconds:N0} rows/s): with / without {Speed(unmaintained):P0} of the speed.")));
Console.WriteLine(Invariant($"Peak resident memory (VmHWM): loader {loaderPeak:N0} MB (the highest of its runs); API {apiPeaks[false]:N0} MB with the answer cache off, {apiPeaks[true]:N0} MB with it on (each a fresh process that answered every question)."));
Console.WriteLine(Invariant($"Cold: answer cache off (Api:AnswerCache:Enabled=false), every request computed; warm: cache on, after the miss that fills it. {options.Iterations} timed requests each after one warm-up; SQL run directly on the engine, all rows read. Whole run {clock.Elapsed.TotalMinutes:N1} min; load average {LoadAverageText()}."));
Console.WriteLine();
PrintQuestionTargets();

Console.WriteLine(Invariant($"| load with roll-up maintenance >= 85% of the speed without | {(unmaintained is null ? "not measured" : Speed(unmaintained).ToString("P0", CultureInfo.InvariantCulture))} | {(unmaintained is null ? "-" : Met(Speed(unmaintained) >= 0.85))} |"));
Console.WriteLine(Invariant($"| loader peak memory < 500 MB | {loaderPeak:N0} MB | {Met(loaderPeak < 500)} |"));
Console.WriteLine(Invariant($"| API peak memory < 400 MB | {apiPeak:N0} MB | {Met(apiPeak < 400)} |"));
if (!options.Keep)
{
    await warehouse.DropAsync();
}

return 0;

async Task<Loads> LoadAsync(IReadOnlyDictionary<string, string> environment, string label)
{
    await GovernanceCommand.RunAsync(environment, "migrate");
    var loads = new Loads(
        await Step(environment, label, files.Areas, "areas"),
        await Step(environment, label, files.Income, "load"),
        await Step(environment, label, files.Compounds, "load"));
    return loads;
}

static async Task<CommandRun> Step(IReadOnlyDictionary<string, string> environment, string label, string file, string command)
{
    var run = await GovernanceCommand.RunAsync(environment, command, file);
    var summary = run.Lines.LastOrDefault(l => l.StartsWith(file, StringComparison.Ordinal)) ?? (run.Lines.Count == 0 ? "" : run.Lines[^1]);
    Console.WriteLine(Invariant($"  {label}: governance {command} {Path.GetFileName(file)} {run.Elapsed.TotalSeconds:N1} s, peak {run.PeakMegabytes:N0} MB: {summary[Math.Min(summary.Length, file.Length)..].TrimStart(':', ' ')}"));
    if (run.Lines.LastOrDefault(l => l.Contains(": took ", StringComparison.Ordinal)) is { } phases)
    {
        Console.WriteLine($"    {phases[(phases.IndexOf(": took ", StringComparison.Ordinal) + 2)..]}");
    }

    if (!summary.Contains(": Loaded", StringComparison.Ordinal))
    {
        throw new InvalidOperationException($"{Path.GetFileName(file)} did not load: {summary}");
    }

    return run;
}

static async Task<long> ReadAllAsync(Func<DbConnection> connect, string sql)
{
    await using var connection = connect();
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.CommandTimeout = 3600;
    await using var reader = await command.ExecuteReaderAsync();
    long rows = 0;
    while (await reader.ReadAsync())
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ = reader.GetValue(i);
        }

        rows++;
    }

    return rows;
}

void PrintQuestionTargets()
{
    Console.WriteLine("| target | measured | met |");
    Console.WriteLine("| --- | --- | --- |");
    foreach (var question in questions)
    {
        var r = results[question.Name];
        Console.WriteLine(r.Failure is { } failure
            ? $"| {question.Name}: p95 cold < 20 ms, warm < 5 ms | failed ({failure}) | no |"
            : Invariant($"| {question.Name}: p95 cold < 20 ms, warm < 5 ms | {Ms(r.ColdP95)} / {Ms(r.WarmP95)} | {Met(r.ColdP95 < 20 && r.WarmP95 < 5)}{(r.ApiRows == r.SqlRows ? "" : $" (rows differ: API {r.ApiRows:N0}, SQL {r.SqlRows:N0})")} |"));
    }
}

void PrintQuestions()
{
    Console.WriteLine("| question | API cold p50 | API cold p95 | API warm p50 | API warm p95 | SQL p50 | SQL p95 | cold p50 / SQL p50 | rows API / SQL |");
    Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var question in questions)
    {
        var r = results[question.Name];
        Console.WriteLine(Invariant($"| {question.Name} | {Api(r.ColdP50)} | {Api(r.ColdP95)} | {Api(r.WarmP50)} | {Api(r.WarmP95)} | {Ms(r.SqlP50)} | {Ms(r.SqlP95)} | {(r.ColdP50 > 0 ? (r.ColdP50 / r.SqlP50).ToString("N2", CultureInfo.InvariantCulture) : "-")} | {r.ApiRows:N0} / {r.SqlRows:N0} |"));
    }
}

static string Seconds(CommandRun run, long rows) => Invariant($"{run.Elapsed.TotalSeconds:N1} s ({rows / run.Elapsed.TotalSeconds:N0} rows/s)");

string NotMeasured() => hasRollups ? "not run (--unmaintained-load false)" : "n/a (no roll-ups on this build)";

// A figure of 0 is a request that failed (its error is printed where it happened).
static string Api(double ms) => ms > 0 ? Ms(ms) : "failed";

static string Ms(double ms) => ms >= 1000 ? Invariant($"{ms / 1000:N2} s") : Invariant($"{ms:N1} ms");

double Speed(Loads without) => (without.Income.Elapsed + without.Compounds.Elapsed) / factsWith;

string LoadAverageText() => machine.Summary() is { } load ? Invariant($"{load.Min:N1}-{load.Max:N1}, mean {load.Mean:N1}, sampled every 10 s") : "unknown";

static string Met(bool met) => met ? "yes" : "no";

string Machine()
{
    var cpu = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() : null;
    return $"{cpu ?? "CPU unknown"}, load average {LoadAverageText()}";
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
