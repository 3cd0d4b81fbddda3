using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Governance.Etl.Demo;
using Governance.Etl.Loading;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Governance.Etl.Tests.Demo;

public sealed class DemoLoadTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"governance-demo-load-{Guid.NewGuid():N}");

    /// <summary>A skipped test (no PostgreSQL) wrote nothing: the folder may not exist.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task EveryCleanDemoFileLoadsWithTheRowsItHolds(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var services = Services(warehouse);
        var output = DemoWriter.Write(DemoData.Generate(new DemoOptions(_root, Seed: 3, Townships: 2, VillagesPerTownship: 4, FromYear: 2023, ToYear: 2024)));

        var results = await services.GetRequiredService<DemoLoader>().LoadAllAsync(output, TestContext.Current.CancellationToken);

        var clean = Directory.EnumerateFiles(_root, "*.*", SearchOption.AllDirectories).Where(f => !f.Contains("dirty", StringComparison.Ordinal)).ToList();
        Assert.Equal(clean.Count, results.Count);
        Assert.All(results, r => Assert.Equal(LoadBatchStatus.Loaded, r.Status));
        foreach (var result in results)
        {
            var (rows, values) = Count(result.FileName);
            Assert.Equal((Path.GetFileName(result.FileName), rows, values), (Path.GetFileName(result.FileName), result.RowsRead, result.Inserted));
        }

        await using var db = warehouse.CreateDbContext();
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(Count(Path.Combine(_root, "areas.csv")).Rows, await db.Areas.CountAsync(ct));
        Assert.Equal(Count(Path.Combine(_root, "targets.csv")).Rows, await db.Targets.CountAsync(ct));
        var valueFiles = clean.Where(f => !f.EndsWith("areas.csv", StringComparison.Ordinal) && !f.EndsWith("targets.csv", StringComparison.Ordinal));
        Assert.Equal(valueFiles.Sum(f => Count(f).Values), await db.IndicatorValues.CountAsync(ct));
        // Two townships are a street and a town: the merge falls in the town (100), new village 204.
        Assert.Equal(["361124100204"], await db.AreaLineage.Select(l => l.AreaCode).Distinct().ToListAsync(ct));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DirtyFileIsRejectedWithExactlyThePlantedProblems(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var services = Services(warehouse);
        var output = DemoWriter.Write(DemoData.Generate(new DemoOptions(_root, Seed: 5, Townships: 1, VillagesPerTownship: 3, FromYear: 2024, ToYear: 2024)));
        var areas = output.OfKind(DemoFileKind.Areas).Single();
        await services.GetRequiredService<DemoLoader>().LoadAsync(areas, null, TestContext.Current.CancellationToken);

        var dirty = await services.GetRequiredService<IndicatorFileLoader>().LoadAsync(Path.Combine(_root, DemoWriter.DirtyFile), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(LoadBatchStatus.Rejected, dirty.Status);
        (int?, string?, string)[] expected =
        [
            (3, "area_code", "unknown_area"),
            (4, "value", "value_not_a_number"),
            (5, "value", "value_out_of_range"),
            (6, "value", "value_out_of_range"),
            (7, "value", "duplicate_conflict"),
            (8, "value", "duplicate_conflict"),
            (10, "value", "part_exceeds_whole"),
        ];
        Assert.Equal(expected, dirty.Rejects.Select(r => (r.Line, r.Column, r.Rule)).Order());
        Assert.Equal(expected.Select(e => e.Item1), output.Problems.Select(p => (int?)p.Line));
        await using var db = warehouse.CreateDbContext();
        Assert.Equal(0, await db.IndicatorValues.CountAsync(TestContext.Current.CancellationToken));
    }

    private static ServiceProvider Services(TestWarehouse warehouse)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(warehouse.Configuration).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddWarehouse(configuration);
        services.AddEtl();
        return services.BuildServiceProvider();
    }

    /// <summary>Data rows and values of a demo file: CSV lines after the header; workbook rows below the header and their filled indicator cells.</summary>
    private static (int Rows, int Values) Count(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            var lines = File.ReadAllLines(path).Count(l => l.Length > 0) - 1;
            return (lines, lines);
        }

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        var rows = 0;
        var values = 0;
        foreach (var part in document.WorkbookPart!.WorksheetParts)
        {
            // Two title rows and the header; then 区划代码, 名称, 年度 and the indicator cells.
            var data = part.Worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value > 3).ToList();
            rows += data.Count;
            values += data.Sum(r => r.Elements<Cell>().Skip(3).Count(c => c.CellValue is not null));
        }

        return (rows, values);
    }
}
