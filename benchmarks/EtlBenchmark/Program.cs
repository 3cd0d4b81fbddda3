using System.Diagnostics;
using System.Globalization;
using Governance.EtlBenchmark;
using Governance.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;

// Generates a province-sized long file, loads it through the real loader on each engine, and prints rows per second
// beside the engine's own bulk load of the same rows into a bare table, and of the loaded rows into a copy of the fact table. Not a test: run it by hand (docs/benchmarks.md).
var options = BenchmarkOptions.Parse(args);
Directory.CreateDirectory(options.Work);
var areas = Path.Combine(options.Work, "areas.csv");
var values = Path.Combine(options.Work, "values.csv");
var clock = Stopwatch.StartNew();
var areaRows = ProvinceFile.WriteAreas(areas, options.Villages);
var rows = ProvinceFile.WriteValues(values, options.Villages, options.Years);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Villages:N0} villages, {options.Years} years: {areaRows:N0} areas, {rows:N0} value rows ({new FileInfo(values).Length / 1048576.0:N0} MiB), written in {clock.Elapsed.TotalSeconds:N1} s"));

var lines = new List<string>();
foreach (var engine in options.Engines)
{
    if (engine == "sqlite")
    {
        var database = Path.Combine(options.Work, "warehouse.db");
        foreach (var rollups in options.Rollups)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(database + suffix);
            }

            var run = await EngineRun.RunAsync("SQLite", WarehouseProvider.Sqlite, $"Data Source={database};Default Timeout=60", areas, values, rollups);
            var bare = await BareLoad.SqliteAsync(Path.Combine(options.Work, "bare.db"), values);
            var factTable = await FactTableLoad.SqliteAsync(database, options.Work);

            // Pooled connections keep their page cache: close them so the next run's peak RSS is its own.
            SqliteConnection.ClearAllPools();
            lines.Add(Line(run, bare, factTable, rows, "sqlite3 .import --csv"));
        }
    }
    else if (engine == "postgres")
    {
        if (string.IsNullOrWhiteSpace(options.Postgres))
        {
            Console.WriteLine("  PostgreSQL skipped: pass --postgres CONN or set GOVERNANCE_TEST_POSTGRES.");
            continue;
        }

        foreach (var rollups in options.Rollups)
        {
            var name = $"governance_bench_{Guid.NewGuid():N}";
            await ExecuteAsync(options.Postgres, $"CREATE DATABASE {name}");
            try
            {
                var connection = new NpgsqlConnectionStringBuilder(options.Postgres) { Database = name }.ConnectionString;
                var server = options.Postgres;
                var run = await EngineRun.RunAsync("PostgreSQL", WarehouseProvider.Postgres, connection, areas, values, rollups, () => ServerCpu.ReadAsync(server, name));
                var bare = await BareLoad.PostgresAsync(connection, values);
                var factTable = await FactTableLoad.PostgresAsync(connection, options.Work);
                lines.Add(Line(run, bare, factTable, rows, "COPY FROM STDIN (csv)"));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (options.Keep)
                {
                    Console.WriteLine($"  PostgreSQL database kept: {name}");
                }
                else
                {
                    await ExecuteAsync(options.Postgres, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                }
            }
        }
    }
}

Console.WriteLine();
Console.WriteLine("| engine | roll-ups | township restatement | rows | loader | loader rows/s | bare bulk load | bare rows/s | loader / bare | bulk load into the fact table | loader / that | peak RSS |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
lines.ForEach(Console.WriteLine);
return 0;

static string Line(EngineRun run, TimeSpan bare, TimeSpan factTable, long rows, string how)
{
    var loaderRate = rows / run.Elapsed.TotalSeconds;
    var bareRate = rows / bare.TotalSeconds;
    return string.Create(CultureInfo.InvariantCulture,
        $"| {run.Engine} ({run.Result.Status}) | {(run.Rollups ? "kept" : "off")} | {run.TownshipRows:N0} rows in {run.Township.TotalSeconds:N2} s | {rows:N0} | {run.Elapsed.TotalSeconds:N1} s | {loaderRate:N0} | {how}: {bare.TotalSeconds:N1} s | {bareRate:N0} | {loaderRate / bareRate:N2} | {factTable.TotalSeconds:N1} s ({factTable / bare:N1}x the bare load) | {factTable / run.Elapsed:N2} | {run.PeakRssBytes / 1048576.0:N0} MiB |");
}

static async Task ExecuteAsync(string server, string sql)
{
    await using var connection = new NpgsqlConnection(server);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}
