using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Hosting;

public sealed class FirstRunDemoTests : IDisposable
{
    private readonly string _demo = Path.Combine(Path.GetTempPath(), $"governance-first-run-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_demo))
        {
            Directory.Delete(_demo, recursive: true);
        }
    }

    [Fact]
    public void WithoutASettingTheDemoCountyIsWrittenBesideTheDefaultWarehouse() =>
        Assert.Equal(Repository.PathOf("data", "demo"), new Governance.Api.Hosting.FirstRunDemoOptions().OutputDirectory);

    [Fact]
    public async Task EmptyWarehouseGetsTheDemoCountyBeforeTheApiServesAndOnlyOnce()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        var ct = TestContext.Current.CancellationToken;
        await using (var api = new GovernanceApiFactory(warehouse, Settings()))
        {
            var health = await api.CreateClient().GetAsync(new Uri("/health", UriKind.Relative), ct);
            Assert.True(health.IsSuccessStatusCode);
        }

        await using var db = warehouse.CreateDbContext();
        var areaLines = File.ReadAllLines(Path.Combine(_demo, "areas.csv")).Length - 1;
        var valueFiles = Directory.EnumerateFiles(_demo, "*.*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("dirty", StringComparison.Ordinal) && !f.EndsWith("areas.csv", StringComparison.Ordinal) && !f.EndsWith("targets.csv", StringComparison.Ordinal))
            .ToList();
        // county, 1 township, 3 villages + 1 community, and the village formed by the merge
        Assert.Equal(7, areaLines);
        Assert.Equal(areaLines, await db.Areas.CountAsync(ct));
        Assert.Equal(valueFiles.Sum(Values), await db.IndicatorValues.CountAsync(ct));
        Assert.Equal(File.ReadAllLines(Path.Combine(_demo, "targets.csv")).Length - 1, await db.Targets.CountAsync(ct));
        var batches = await db.LoadBatches.CountAsync(ct);
        Assert.Equal(1 + valueFiles.Count + 1, batches);

        await using (var again = new GovernanceApiFactory(warehouse, Settings()))
        {
            _ = again.CreateClient();
        }

        Assert.Equal(batches, await db.LoadBatches.CountAsync(ct));
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["Demo:LoadOnFirstRun"] = "true",
        ["Demo:OutputDirectory"] = _demo,
        ["Demo:Townships"] = "1",
        ["Demo:VillagesPerTownship"] = "3",
        ["Demo:FromYear"] = "2023",
        ["Demo:ToYear"] = "2024",
    };

    /// <summary>Values in a demo file: CSV lines after the header, or filled indicator cells below a workbook's header (two title rows, header, then 区划代码, 名称, 年度).</summary>
    private static int Values(string path)
    {
        if (!path.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            return File.ReadAllLines(path).Count(l => l.Length > 0) - 1;
        }

        using var document = SpreadsheetDocument.Open(path, isEditable: false);
        return document.WorkbookPart!.WorksheetParts
            .SelectMany(p => p.Worksheet.Descendants<Row>().Where(r => r.RowIndex!.Value > 3))
            .Sum(r => r.Elements<Cell>().Skip(3).Count(c => c.CellValue is not null));
    }
}
