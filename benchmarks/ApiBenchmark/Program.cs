using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.ApiBenchmark;
using Microsoft.Data.Sqlite;
using Npgsql;

// Usage: dotnet run -c Release --project benchmarks/ApiBenchmark -- [sqlite|postgres] [villages] [iterations]
var provider = args.ElementAtOrDefault(0) ?? "sqlite";
var villages = int.Parse(args.ElementAtOrDefault(1) ?? "25000", CultureInfo.InvariantCulture);
var iterations = int.Parse(args.ElementAtOrDefault(2) ?? "20", CultureInfo.InvariantCulture);
const int FromYear = 2020;
const int ToYear = 2024;

var work = Path.Combine(Processes.RepositoryRoot(), "benchmarks", "out", $"api-{provider}-{villages}");
Directory.CreateDirectory(work);
string connectionString;
Func<DbConnection> connect;
if (provider == "postgres")
{
    var server = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES")
        ?? throw new InvalidOperationException("Set GOVERNANCE_TEST_POSTGRES to a PostgreSQL server connection string.");
    var database = $"governance_bench_{villages}";
    await using (var admin = new NpgsqlConnection(server))
    {
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists {database} with (force); create database {database}", admin);
        await drop.ExecuteNonQueryAsync();
    }

    connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
    connect = () => new NpgsqlConnection(connectionString);
}
else
{
    var file = Path.Combine(work, "warehouse.db");
    foreach (var stale in new[] { file, file + "-wal", file + "-shm" })
    {
        File.Delete(stale);
    }

    connectionString = $"Data Source={file};Default Timeout=60";
    connect = () => new SqliteConnection(connectionString);
}

var environment = new Dictionary<string, string>
{
    ["Warehouse__Provider"] = provider == "postgres" ? "Postgres" : "Sqlite",
    ["ConnectionStrings__Warehouse"] = connectionString,
    ["Demo__LoadOnFirstRun"] = "false",
    ["Serilog__MinimumLevel__Default"] = "Warning",
};

Console.WriteLine($"Building a {provider} warehouse of {villages:N0} villages, {FromYear}-{ToYear} ...");
var (areasFile, valuesFile, rows) = ProvinceGenerator.Write(work, villages, FromYear, ToYear, seed: 42);
var etl = Processes.Program("Etl");
var load = Stopwatch.StartNew();
await Processes.RunAsync(etl, environment, "migrate");
await Processes.RunAsync(etl, environment, "areas", areasFile);
await Processes.RunAsync(etl, environment, "load", valuesFile);
Console.WriteLine($"  loaded {rows:N0} values through the ETL in {load.Elapsed.TotalSeconds:N1} s");

var port = Processes.FreePort();
var apiEnvironment = new Dictionary<string, string>(environment)
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
    ["Warehouse__MigrateOnStart"] = "false",
    ["Api__Limits__RequestsPerMinute"] = "1000000",

    // API beside SQL is the engine beside SQL: with the answer cache on, every timed repeat would be a hit.
    // Api__AnswerCache__Enabled=true in the benchmark's own environment measures with it.
    ["Api__AnswerCache__Enabled"] = Environment.GetEnvironmentVariable("Api__AnswerCache__Enabled") ?? "false",
};
using var api = Process.Start(Processes.Start(Processes.Program("Api"), apiEnvironment))!;
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
try
{
    await WaitForHealthAsync(http);
    Console.WriteLine();
    Console.WriteLine($"{"query",-44} {"API p50",9} {"API p95",9} {"SQL p50",9} {"SQL p95",9} {"p50 ratio",9}");
    foreach (var query in BenchmarkQuery.All(ToYear))
    {
        var viaApi = await Latency.MeasureAsync(() => PostAsync(http, query.GraphQL), warmup: 3, iterations);
        var direct = await Latency.MeasureAsync(() => ReadAllAsync(connect, query.Sql), warmup: 3, iterations);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Name,-44} {viaApi.P50,9:N1} {viaApi.P95,9:N1} {direct.P50,9:N1} {direct.P95,9:N1} {viaApi.P50 / direct.P50,8:N2}x"));
    }

    Console.WriteLine();
    Console.WriteLine($"API peak resident memory: {Processes.PeakResidentMegabytes(api.Id):N0} MB (times in ms; {iterations} runs after 3 warm-ups)");
}
finally
{
    api.Kill(entireProcessTree: true);
}

static async Task WaitForHealthAsync(HttpClient http)
{
    for (var attempt = 0; attempt < 120; attempt++)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(500);
    }

    throw new TimeoutException("The API did not become healthy within a minute.");
}

static async Task PostAsync(HttpClient http, string query)
{
    using var response = await http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
    var body = await response.Content.ReadFromJsonAsync<JsonObject>();
    if (!response.IsSuccessStatusCode || body?["errors"] is not null)
    {
        throw new InvalidOperationException($"The API answered {(int)response.StatusCode}: {body}");
    }
}

static async Task ReadAllAsync(Func<DbConnection> connect, string sql)
{
    await using var connection = connect();
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = sql;
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            _ = reader.GetValue(i);
        }
    }
}
