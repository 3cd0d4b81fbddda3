using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Governance.Etl.Demo;
using Governance.Warehouse.Catalogue;

namespace Governance.Etl.Tests.Demo;

public sealed class DemoWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"governance-demo-{Guid.NewGuid():N}");

    /// <summary>A skipped test (no PostgreSQL) wrote nothing: the folder may not exist.</summary>
    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void SameSeedWritesTheSameFiles()
    {
        var first = DemoWriter.Write(DemoData.Generate(Small("a")));
        var second = DemoWriter.Write(DemoData.Generate(Small("b")));

        var csvs = first.Files.Where(f => f.Path.EndsWith(".csv", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, csvs.Count);
        foreach (var file in csvs)
        {
            var twin = Path.Combine(_root, "b", Path.GetRelativePath(Path.Combine(_root, "a"), file.Path));
            Assert.Equal(File.ReadAllBytes(file.Path), File.ReadAllBytes(twin));
        }
    }

    [Fact]
    public void AreasFileHoldsTheCountyTownshipsUnitsAndOneMerge()
    {
        var output = DemoWriter.Write(DemoData.Generate(Small("a")));

        var lines = File.ReadAllLines(Path.Combine(_root, "a", DemoWriter.AreasFile), Encoding.UTF8);
        // county + 3 townships + 3 x (4 villages + 1 community) + the merged village
        Assert.Equal(1 + 1 + 3 + 15 + 1, lines.Length);
        Assert.Equal("code,name,urban_rural,valid_from,valid_to,replaces", lines[0]);
        var merged = Assert.Single(lines.Skip(1), l => l.Split(',')[5].Length > 0).Split(',');
        // The merge falls in the second year: township 200 (the only 乡) loses villages 200 and 201 to a new code 204.
        Assert.Equal("361124200204", merged[0]);
        Assert.Equal("2024-01-01", merged[3]);
        Assert.Equal("361124200200;361124200201", merged[5]);
        Assert.Equal(["361124200200", "361124200201"], lines.Where(l => l.Contains(",2023-12-31,", StringComparison.Ordinal)).Select(l => l[..12]));
        Assert.Equal(lines.Length - 1, output.OfKind(DemoFileKind.Areas).Single().Rows);
    }

    [Fact]
    public void LongFilesCarryEveryBaseIndicatorAndKeepPartsWithinWholes()
    {
        var output = DemoWriter.Write(DemoData.Generate(Small("a")));
        var rows = output.OfKind(DemoFileKind.Values)
            .Where(f => f.Path.Contains("values-", StringComparison.Ordinal))
            .SelectMany(f => File.ReadAllLines(f.Path).Skip(1))
            .Select(l => l.Split(','))
            .ToList();
        var values = rows.ToDictionary(r => (r[0], r[1], r[2]), r => decimal.Parse(r[3], CultureInfo.InvariantCulture));

        var villageLevel = IndicatorCatalogue.Indicators.Where(i => !i.Derived && i.CaptureLevel != Warehouse.Dimensions.CaptureLevel.Townships);
        Assert.All(villageLevel, i => Assert.Contains(rows, r => r[2] == i.Code));
        Assert.All(rows.Where(r => r[2] is "ORG_ONE_SHOULDER" or "ECOM_BRANCH_INDUSTRY" or "GOV_MICROPOWER_LIST" or "ENV_MODEL_VILLAGE"), r => Assert.Contains(r[3], new[] { "0", "1" }));
        foreach (var ((area, period, indicator), value) in values)
        {
            var whole = indicator switch
            {
                "GOV_GRIDS_WITH_PARTY" or "GOV_FIRST_GRID_LEADERS" => "GOV_GRIDS",
                "ORG_COMPOUNDS_WITH_BRANCH" => "ORG_COMPOUNDS",
                "CE_OPERATING_INCOME" or "CE_SUBSIDY_INCOME" => "CE_TOTAL_INCOME",
                "CAD_EVAL_FAILED" => "CAD_VILLAGE_CADRES",
                _ => null,
            };
            Assert.True(whole is null || value <= values[(area, period, whole)], $"{area} {period} {indicator} {value} above {whole}");
            Assert.True(value >= 0 || indicator == "CE_OPERATING_PROFIT", $"{area} {period} {indicator} is negative");
        }
    }

    [Fact]
    public void TownshipReportIsGb18030WithChineseNamesAndPeriods()
    {
        DemoWriter.Write(DemoData.Generate(Small("a")));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        var bytes = File.ReadAllBytes(Path.Combine(_root, "a", DemoWriter.TownshipFile));
        var text = Encoding.GetEncoding("GB18030").GetString(bytes);

        Assert.Contains(",2023年1月,专题培训班期数,", text, StringComparison.Ordinal);
        Assert.Contains(",2024年,党建示范点数,", text, StringComparison.Ordinal);
        // 党 is B5 B3 in GB18030; UTF-8 would write E5 85 9A.
        Assert.Contains("\xB5\xB3", Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        // 3 townships x 2 years x (5 yearly + 12 monthly indicators)
        Assert.Equal(1 + (3 * 2 * 17), text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void TemplatesAreValidWorkbooksWithTitleRowsAboveTheHeader()
    {
        var output = DemoWriter.Write(DemoData.Generate(Small("a")));
        var templates = output.Files.Where(f => f.Path.EndsWith(".xlsx", StringComparison.Ordinal)).ToList();

        Assert.Equal(3, templates.Count);
        foreach (var template in templates)
        {
            using var document = SpreadsheetDocument.Open(template.Path, isEditable: false);
            Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
            Assert.Equal(["村", "社区"], document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value!));
        }
    }

    private DemoOptions Small(string directory) =>
        new(Path.Combine(_root, directory), Seed: 7, Townships: 3, VillagesPerTownship: 4, FromYear: 2023, ToYear: 2024);
}
