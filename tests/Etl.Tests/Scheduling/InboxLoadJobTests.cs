using Governance.Etl.Demo;
using Governance.Etl.Scheduling;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Tests.Scheduling;

public sealed class InboxLoadJobTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"governance-inbox-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void WithoutASettingTheInboxIsBesideTheDefaultWarehouse() =>
        Assert.Equal(Repository.PathOf("data", "inbox"), new EtlScheduleOptions().Inbox);

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task GoodFilesGoToArchiveAndTheBadOneToRejectedEachWithItsReport(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var demo = Path.Combine(_root, "demo");
        var inbox = Path.Combine(_root, "inbox");
        DemoWriter.Write(DemoData.Generate(new DemoOptions(demo, Seed: 11, Townships: 1, VillagesPerTownship: 3, FromYear: 2024, ToYear: 2024)));
        Directory.CreateDirectory(inbox);
        // The bad file sorts first by name; the areas list must still load before it.
        File.Copy(Path.Combine(demo, DemoWriter.DirtyFile), Path.Combine(inbox, "a-dirty.csv"));
        File.Copy(Path.Combine(demo, "values-2024.csv"), Path.Combine(inbox, "values-2024.csv"));
        File.Copy(Path.Combine(demo, DemoWriter.AreasFile), Path.Combine(inbox, "areas.csv"));
        var valueRows = File.ReadAllLines(Path.Combine(inbox, "values-2024.csv")).Length - 1;
        var areaRows = File.ReadAllLines(Path.Combine(inbox, "areas.csv")).Length - 1;
        await using var services = Services(warehouse, inbox);

        // The job does not read its Quartz context.
        await services.GetRequiredService<InboxLoadJob>().Execute(null!, TestContext.Current.CancellationToken);

        Assert.Equal(["archive", "rejected"], Directory.EnumerateFileSystemEntries(inbox).Select(Path.GetFileName).Order());
        Assert.Equal(["areas.csv", "areas.csv.report.txt", "values-2024.csv", "values-2024.csv.report.txt"], Names(Path.Combine(inbox, "archive")));
        Assert.Equal(["a-dirty.csv", "a-dirty.csv.report.txt"], Names(Path.Combine(inbox, "rejected")));
        var areasReport = await File.ReadAllTextAsync(Path.Combine(inbox, "archive", "areas.csv.report.txt"), TestContext.Current.CancellationToken);
        Assert.Contains($"rows:      {areaRows} read, {areaRows} inserted, 0 updated, 0 unchanged, 0 rejected", areasReport, StringComparison.Ordinal);
        Assert.Contains("batch:     1\n", areasReport, StringComparison.Ordinal);
        var valuesReport = await File.ReadAllTextAsync(Path.Combine(inbox, "archive", "values-2024.csv.report.txt"), TestContext.Current.CancellationToken);
        Assert.Contains("status:    Loaded", valuesReport, StringComparison.Ordinal);
        Assert.Contains($"rows:      {valueRows} read, {valueRows} inserted", valuesReport, StringComparison.Ordinal);
        var rejected = (await File.ReadAllLinesAsync(Path.Combine(inbox, "rejected", "a-dirty.csv.report.txt"), TestContext.Current.CancellationToken)).ToList();
        Assert.Contains("status:    Rejected", rejected);
        Assert.Contains("rejects:   7", rejected);
        Assert.Equal(
            ["line 3, column area_code: [unknown_area]", "line 4, column value: [value_not_a_number]", "line 5, column value: [value_out_of_range]", "line 6, column value: [value_out_of_range]",
             "line 7, column value: [duplicate_conflict]", "line 8, column value: [duplicate_conflict]", "line 10, column value: [part_exceeds_whole]"],
            rejected.Where(l => l.StartsWith("  line", StringComparison.Ordinal)).Select(l => l.Trim()[..l.Trim().IndexOf(']', StringComparison.Ordinal)] + "]"));
    }

    [Fact]
    public void BadCronStopsStartUpNamingTheSetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Etl:Schedule"] = "*/5 * * * *" }).Build();

        var error = Assert.Throws<EtlScheduleConfigurationException>(() => new ServiceCollection().AddEtlSchedule(configuration));

        Assert.StartsWith("Setting Etl:Schedule is '*/5 * * * *'", error.Message, StringComparison.Ordinal);
    }

    private static string[] Names(string folder) => [.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    private static ServiceProvider Services(TestWarehouse warehouse, string inbox)
    {
        var settings = new Dictionary<string, string?>(warehouse.Configuration) { ["Etl:Inbox"] = inbox };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddWarehouse(configuration);
        services.AddEtl();
        services.AddEtlSchedule(configuration);
        return services.BuildServiceProvider();
    }
}
