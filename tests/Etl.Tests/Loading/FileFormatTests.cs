using System.Text;
using Governance.Etl.Loading;
using Governance.Etl.Readers;
using Governance.Etl.Tests.Support;
using Governance.Etl.Validation;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class FileFormatTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task WideWorkbookWithTitleRowsLoadsEveryReportSheet(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.File("township.xlsx");
        Workbook.Write(
            path,
            ("村", [
                ["样例镇2023年村级集体经济报表"],
                [],
                ["区划代码", "村名", "年度", "经营性收入(万元)", "村集体经济总收入（万元）", "党员数(人)"],
                [361100101200d, "一村", "2023年", 12.5, 30, 48],
                [V3, "三村", 2023, "1,000", 2000, ""],
            ]),
            ("社区", [
                ["样例镇社区报表", "", "", ""],
                ["区划代码", "名称", "期间", "住宅小区数", "建立党组织的小区数"],
                [K1, "一社区", "2023年第四季度", 10, 8],
            ]),
            ("说明", [["本表由乡镇填报"], ["数值单位见表头"]]));

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 3, 7, 0), (result.Status, result.RowsRead, result.Inserted, result.Rejected));
        Assert.Equal(
            [
                K1 + " 2023Q4 ORG_COMPOUNDS 10",
                K1 + " 2023Q4 ORG_COMPOUNDS_WITH_BRANCH 8",
                V1 + " 2023 CE_OPERATING_INCOME 12.5",
                V1 + " 2023 CE_TOTAL_INCOME 30",
                V1 + " 2023 ORG_PARTY_MEMBERS 48",
                V3 + " 2023 CE_OPERATING_INCOME 1000",
                V3 + " 2023 CE_TOTAL_INCOME 2000",
            ],
            await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task Gb18030TabSeparatedWideFileTakesItsPeriodFromTheOption(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write("乡镇.csv", "区划代码\t名称\t村集体经营性收入(万元)\t党员数\n" + V1 + "\t一村\t１２\t50\n" + K1 + "\t一社区\t\t35\n", TextEncodingDetector.Gb18030);

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, new LoadOptions(PeriodOverride: "2024年"), TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 2, 3), (result.Status, result.RowsRead, result.Inserted));
        Assert.Equal([K1 + " 2024 ORG_PARTY_MEMBERS 35", V1 + " 2024 CE_OPERATING_INCOME 12", V1 + " 2024 ORG_PARTY_MEMBERS 50"], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AMonthThatExcelTurnedIntoADateIsThatMonth(WarehouseProvider provider)
    {
        // Typed into a cell, "2024-05" or "2024年5月" becomes the date 2024-05-01; a mid-month date is no period.
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.File("培训.xlsx");
        Workbook.Write(path, ("Sheet1", [
            ["area_code", "period", "indicator", "value"],
            [Town, new DateTime(2024, 5, 1), "CAD_TRAINING_SESSIONS", 2],
            [Town, new DateTime(2024, 6, 1), "CAD_TRAINING_SESSIONS", 1],
            [Town, new DateTime(2024, 7, 15), "CAD_TRAINING_SESSIONS", 3],
        ]));

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, new LoadOptions(SkipInvalidRows: true), TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 2), (result.Status, result.Inserted));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("Sheet1", 4, "period", RejectRule.PeriodMalformed, "2024-07-15"), (reject.Sheet, reject.Line, reject.Column, reject.Rule, reject.RawValue));
        Assert.Equal([Town + " 202405 CAD_TRAINING_SESSIONS 2", Town + " 202406 CAD_TRAINING_SESSIONS 1"], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ExcelUnicodeTextExportLoads(WarehouseProvider provider)
    {
        // Excel's "Unicode Text (*.txt)": UTF-16 little-endian with a byte order mark, tab-separated, CRLF.
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write("乡镇报表.txt", "区划代码\t期间\t村集体经营性收入(万元)\r\n" + V1 + "\t2024年\t12.5\r\n" + V3 + "\t2024年\t7\r\n", Encoding.Unicode);

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 2, 2), (result.Status, result.RowsRead, result.Inserted));
        Assert.Equal([V1 + " 2024 CE_OPERATING_INCOME 12.5", V3 + " 2024 CE_OPERATING_INCOME 7"], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task LongFileWithBomReadsStatusNoteAndEveryPeriodSpelling(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write(
            "long.csv",
            "area_code,period,indicator,value,status,note\n"
            + Town + ",2024-05,CAD_TRAINING_SESSIONS,2,估计,\"含线上, 一期\"\n"
            + Town + ",2024年6月,专题培训班期数,1,,\n"
            + V1 + ",2024年第二季度,GOV_GRIDS,4,revised,\n"
            + V1 + ",2024q3,gov_grids,5,,\n",
            new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 4), (result.Status, result.Inserted));
        Assert.Equal(
            [Town + " 202405 CAD_TRAINING_SESSIONS 2", Town + " 202406 CAD_TRAINING_SESSIONS 1", V1 + " 2024Q2 GOV_GRIDS 4", V1 + " 2024Q3 GOV_GRIDS 5"],
            await Facts.AllAsync(warehouse));
        await using var db = warehouse.CreateDbContext();
        var may = db.IndicatorValues.Single(v => v.PeriodSk == 2024005);
        Assert.Equal((Warehouse.Facts.ValueStatus.Estimated, "含线上, 一期"), (may.Status, may.Note));
    }

    /// <summary>The PostgreSQL staging writes COPY text: a tab, newline or backslash in a note must arrive as written, and "\N" must not become null.</summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task NotesWithTabsNewlinesAndBackslashesArriveAsWritten(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write(
            "notes.csv",
            "area_code,period,indicator,value,status,note\n"
            + V1 + ",2021,CE_TOTAL_INCOME,1,,\"a\tb\"\n"
            + V1 + ",2022,CE_TOTAL_INCOME,2,,\"first line\nsecond line\"\n"
            + V1 + ",2023,CE_TOTAL_INCOME,3,,C:\\data\\N\n"
            + V1 + ",2024,CE_TOTAL_INCOME,4,,\\N\n");

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 4), (result.Status, result.Inserted));
        await using var db = warehouse.CreateDbContext();
        var notes = await db.IndicatorValues.OrderBy(v => v.PeriodSk).Select(v => v.Note).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["a\tb", "first line\nsecond line", "C:\\data\\N", "\\N"], notes);
    }

    [Fact]
    public async Task UnknownIndicatorHeaderOfAWideFileIsRejectedAtTheHeader()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write("wide.csv", "区划代码,期间,党员数,神秘指标(个)\n" + V1 + ",2023,50,3\n");

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(LoadBatchStatus.Rejected, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((1, "神秘指标(个)", "unknown_indicator"), (reject.Line, reject.Column, reject.Rule));
        Assert.Empty(await Facts.AllAsync(warehouse));
    }

    [Fact]
    public async Task FileWithoutPeriodColumnOrOptionIsRejected()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        var result = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("wide.csv", "区划代码,党员数\n" + V1 + ",50\n"), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Rejected, "missing_column", 1), (result.Status, Assert.Single(result.Rejects).Rule, result.Rejects[0].Line));
    }
}
