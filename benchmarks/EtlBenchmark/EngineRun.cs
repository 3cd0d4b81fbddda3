using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Governance.Etl;
using Governance.Etl.Loading;
using Governance.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;

namespace Governance.EtlBenchmark;

/// <summary>
/// One engine: a fresh warehouse, the areas, then the timed load of the long file through the real loader. serverCpu reads
/// the CPU of the engine's server processes (PostgreSQL; null when the engine runs in this process).
/// </summary>
internal sealed record EngineRun(string Engine, LoadResult Result, TimeSpan Elapsed, long PeakRssBytes, bool Rollups, TimeSpan Township, long TownshipRows)
{
    public static async Task<EngineRun> RunAsync(string engine, WarehouseProvider provider, string connectionString, string areas, string values, bool rollups, Func<Task<IReadOnlyDictionary<int, double>>>? serverCpu = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = provider.ToString(),
            ["Warehouse:CommandTimeoutSeconds"] = "3600",
            ["ConnectionStrings:Warehouse"] = connectionString,
            ["Etl:ProgressLogRows"] = "500000",
            ["Warehouse:Rollups:Maintain"] = rollups ? "true" : "false",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddSerilog(logger => logger.MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning).WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));
        services.AddWarehouse(configuration);
        services.AddEtl();
        await using var provided = services.BuildServiceProvider();
        await provided.GetRequiredService<WarehouseMigrator>().MigrateAsync();
        var areaResult = await provided.GetRequiredService<AreaFileLoader>().LoadAsync(areas, LoadOptions.Default, CancellationToken.None);
        Console.WriteLine($"  {engine}: areas {areaResult.Status}, {areaResult.Inserted:N0} areas");

        // The area load's garbage is not the loader's: collect it before the peak is reset.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakRss.Reset();
        var serverBefore = serverCpu is null ? null : await serverCpu();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = await provided.GetRequiredService<IndicatorFileLoader>().LoadAsync(values, LoadOptions.Default, CancellationToken.None);
        clock.Stop();

        // On a shared machine the wall clock is noisy; this process's CPU time (SQLite's included, PostgreSQL's server not) is less so.
        var spent = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var serverAfter = serverCpu is null ? null : await serverCpu();
        var server = serverBefore is null || serverAfter is null ? "" : string.Create(CultureInfo.InvariantCulture, $", {ServerCpu.Spent(serverBefore, serverAfter):N1} s CPU in the server's backends");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {engine}, roll-ups {(rollups ? "kept" : "off")}: loader {clock.Elapsed.TotalSeconds:N1} s wall, {spent.TotalSeconds:N1} s CPU in this process{server}"));
        var peak = PeakRss.Read();

        // Then the file that typically follows: one township's last year restated.
        var township = Path.Combine(Path.GetDirectoryName(values)!, "township.csv");
        var townshipRows = ProvinceFile.WriteTownshipRestatement(values, township);
        var townshipClock = Stopwatch.StartNew();
        var restated = await provided.GetRequiredService<IndicatorFileLoader>().LoadAsync(township, LoadOptions.Default, CancellationToken.None);
        townshipClock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {engine}, roll-ups {(rollups ? "kept" : "off")}: a township's restatement ({townshipRows:N0} rows, {restated.Status}, {restated.Updated:N0} updated) {townshipClock.Elapsed.TotalSeconds:N2} s"));
        return new EngineRun(engine, result, clock.Elapsed, peak, rollups, townshipClock.Elapsed, townshipRows);
    }
}
