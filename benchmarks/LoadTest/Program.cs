using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Governance.ApiBenchmark;
using Governance.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/LoadTest -- [sqlite|postgres] [villages] [seconds] [connections]
//        dotnet run -c Release --project benchmarks/LoadTest -- replicas [villages] [seconds] [connections] [scenarios, e.g. 2,3,6]
if (args.ElementAtOrDefault(0) == "replicas")
{
    await ReplicaScenarios.RunAsync(
        int.Parse(args.ElementAtOrDefault(1) ?? "2500", CultureInfo.InvariantCulture),
        int.Parse(args.ElementAtOrDefault(2) ?? "40", CultureInfo.InvariantCulture),
        int.Parse(args.ElementAtOrDefault(3) ?? "50", CultureInfo.InvariantCulture),
        (args.ElementAtOrDefault(4) ?? "1,2,3,4,5,6").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray());
    return;
}

//        dotnet run -c Release --project benchmarks/LoadTest -- standby-cost AREAS.csv VALUES.csv [standbys per run, e.g. 0,1,2,0,1,2]
if (args.ElementAtOrDefault(0) == "standby-cost" && args.Length >= 3)
{
    await StandbyCost.RunAsync(args[1], args[2], (args.ElementAtOrDefault(3) ?? "0,1,2").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray());
    return;
}

var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var villages = int.Parse(args.ElementAtOrDefault(1) ?? "2500", CultureInfo.InvariantCulture);
var seconds = int.Parse(args.ElementAtOrDefault(2) ?? "60", CultureInfo.InvariantCulture);
var connections = int.Parse(args.ElementAtOrDefault(3) ?? "50", CultureInfo.InvariantCulture);
var work = Path.Combine(Processes.RepositoryRoot(), "benchmarks", "out", $"load-{provider}-{villages}");
Directory.CreateDirectory(work);

var warehouse = await BenchmarkWarehouse.CreateAsync(provider, villages, work);
Console.WriteLine($"Building a {provider} warehouse of {villages:N0} villages, 2020-2024 ...");
var (areasFile, valuesFile, rows) = ProvinceGenerator.Write(Path.Combine(work, "base"), villages, 2020, 2024, seed: 42);
var etl = Processes.Program("Etl");
await Processes.RunAsync(etl, warehouse, "migrate");
await Processes.RunAsync(etl, warehouse, "areas", areasFile);
await Processes.RunAsync(etl, warehouse, "load", valuesFile);
Console.WriteLine($"  {rows:N0} values loaded; journal mode: {await BenchmarkWarehouse.JournalModeAsync(warehouse) ?? "(PostgreSQL)"}");

var apiLog = Path.Combine(work, "api.log");
var etlLog = Path.Combine(work, "etl.log");
LoadFigures figures;
EtlFigures written;
await using (var api = ApiProcess.Start(warehouse, apiLog))
{
    using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
    await api.WaitHealthyAsync(http);
    var counties = (await DataAsync(http, api.Address, DashboardQueries.Counties))["areas"]!["nodes"]!.AsArray().Select(n => n!["code"]!.GetValue<string>()).ToList();
    var queries = DashboardQueries.For(counties);
    foreach (var query in queries.Take(6))
    {
        await DataAsync(http, api.Address, query);
    }

    using var stop = new CancellationTokenSource();
    var etlRun = EtlWriter.RunAsync(warehouse, work, villages, etlLog, stop.Token);
    await Task.Delay(TimeSpan.FromSeconds(2));
    Console.WriteLine($"Driving {queries.Count} dashboard queries ({counties.Count} counties) with {connections} clients for {seconds} s while the ETL loads ...");
    figures = await Autocannon.RunAsync(api.Address, connections, seconds, queries, work);
    await stop.CancelAsync();
    written = await etlRun;
}

var busy = new Regex("database is locked|database table is locked|SQLITE_BUSY|SQLITE_LOCKED|busy|deadlock|55P03", RegexOptions.IgnoreCase);
var apiErrors = File.ReadLines(apiLog).Count(l => l.Contains(" ERR]", StringComparison.Ordinal) || l.Contains(" FTL]", StringComparison.Ordinal));
Console.WriteLine();
Console.WriteLine(Invariant($"requests            {figures.Requests:N0} in {seconds} s, {figures.RequestsPerSecond:N1} per second"));
Console.WriteLine(Invariant($"latency             p50 {figures.P50:N0} ms, p99 {figures.P99:N0} ms"));
Console.WriteLine(Invariant($"status codes        {string.Join(", ", figures.StatusCodes.Select(s => $"{s.Key}: {s.Value:N0}"))}"));
Console.WriteLine(Invariant($"non-2xx answers     {figures.Non2xx:N0} (5xx: {figures.ServerErrors:N0}); connection errors {figures.Errors:N0}, timeouts {figures.Timeouts:N0}"));
Console.WriteLine(Invariant($"busy/locked         API log {File.ReadLines(apiLog).Count(busy.IsMatch):N0}, ETL log {File.ReadLines(etlLog).Count(busy.IsMatch):N0}; API log errors {apiErrors:N0}"));
Console.WriteLine(Invariant($"ETL meanwhile       {written.Loads} loads ({written.Failed} failed), {written.Rows:N0} rows in {written.Loading.TotalSeconds:N1} s of loading"));
Console.WriteLine($"logs                {apiLog}, {etlLog}");

static async Task<JsonNode> DataAsync(HttpClient http, Uri api, string query)
{
    using var response = await http.PostAsJsonAsync(new Uri(api, "/graphql"), new { query });
    var body = await response.Content.ReadFromJsonAsync<JsonObject>();
    return response.IsSuccessStatusCode && body?["errors"] is null && body?["data"] is { } data
        ? data
        : throw new InvalidOperationException($"The API answered {(int)response.StatusCode}: {body}");
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
