using System.Diagnostics;
using Governance.Etl;
using Governance.Etl.Loading;
using Governance.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.EtlBenchmark;

/// <summary>One engine: a fresh warehouse, the areas, then the timed load of the long file through the real loader.</summary>
internal sealed record EngineRun(string Engine, LoadResult Result, TimeSpan Elapsed, long PeakRssBytes)
{
    public static async Task<EngineRun> RunAsync(string engine, WarehouseProvider provider, string connectionString, string areas, string values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Warehouse:Provider"] = provider.ToString(),
            ["Warehouse:CommandTimeoutSeconds"] = "3600",
            ["ConnectionStrings:Warehouse"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddWarehouse(configuration);
        services.AddEtl();
        await using var provided = services.BuildServiceProvider();
        await provided.GetRequiredService<WarehouseMigrator>().MigrateAsync();
        var areaResult = await provided.GetRequiredService<AreaFileLoader>().LoadAsync(areas, LoadOptions.Default, CancellationToken.None);
        Console.WriteLine($"  {engine}: areas {areaResult.Status}, {areaResult.Inserted:N0} areas");

        PeakRss.Reset();
        var progress = new Progress<LoadProgress>(p => Console.Write($"\r  {engine}: {p.RowsRead:N0} rows read   "));
        var clock = Stopwatch.StartNew();
        var result = await provided.GetRequiredService<IndicatorFileLoader>().LoadAsync(values, new LoadOptions(Progress: progress), CancellationToken.None);
        clock.Stop();
        Console.WriteLine();
        return new EngineRun(engine, result, clock.Elapsed, PeakRss.Read());
    }
}
