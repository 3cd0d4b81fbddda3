using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// A wide file's mistake in a row's own cells (area code, period) is one reject however many indicator columns it keeps
/// out; a value's mistake is one reject per cell. The file (lines as an editor numbers them): line 2 clean (3 values),
/// 3 an unknown code, 4 a malformed period, 5 a community filing two village indicators (its party members load), 6 two
/// values that are not numbers (its party members load): 5 rejects, 5 valid values.
/// </summary>
public sealed class RowRejectTests
{
    private const string Unknown = "361100101299";

    private static readonly string[] Header = ["区划代码", "名称", "年度", "村集体经济总收入", "集体资产总额", "党员数"];

    private static readonly string[][] Rows =
    [
        [V1, "一村", "2023", "10", "20", "30"],
        [Unknown, "某村", "2023", "1", "2", "3"],
        [V3, "三村", "20233", "1", "2", "3"],
        [K1, "一社区", "2023", "5", "6", "7"],
        [V2, "二村", "2023", "abc", "x", "40"],
    ];

    private static readonly string[] ExpectedRejects =
    [
        "3 区划代码 unknown_area " + Unknown,
        "4 年度 period_malformed 20233",
        "5 区划代码 wrong_capture_level " + K1,
        "6 村集体经济总收入 value_not_a_number abc",
        "6 集体资产总额 value_not_a_number x",
    ];

    private static readonly string[] ExpectedFacts =
    [
        K1 + " 2023 ORG_PARTY_MEMBERS 7",
        V1 + " 2023 CE_ASSETS 20",
        V1 + " 2023 CE_TOTAL_INCOME 10",
        V1 + " 2023 ORG_PARTY_MEMBERS 30",
        V2 + " 2023 ORG_PARTY_MEMBERS 40",
    ];

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AWideCsvRowWithAnUnknownCodeIsOneRejectNotOnePerIndicator(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write("township.csv", string.Join("\n", new[] { Header }.Concat(Rows).Select(r => string.Join(",", r))) + "\n");

        await AssertRejectsAndLoadsAsync(warehouse, path, sheet: null);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AWideWorkbookRowWithAnUnknownCodeIsOneRejectNotOnePerIndicator(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.File("township.xlsx");
        Workbook.Write(path, ("村", [.. new[] { Header }.Concat(Rows).Select(r => r.Cast<object>().ToArray())]));

        await AssertRejectsAndLoadsAsync(warehouse, path, sheet: "村");
    }

    private static async Task AssertRejectsAndLoadsAsync(TestWarehouse warehouse, string path, string? sheet)
    {
        var loader = Loaders.Indicators(warehouse);
        var whole = await loader.LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);
        var valid = await loader.LoadAsync(path, new LoadOptions(SkipInvalidRows: true), TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Rejected, 5, 0, 5, 5), (whole.Status, whole.RowsRead, whole.Inserted, whole.Rejected, whole.ValidValues));
        Assert.Equal(ExpectedRejects, whole.Rejects.Select(r => $"{r.Line} {r.Column} {r.Rule} {r.RawValue}"));
        Assert.All(whole.Rejects, r => Assert.Equal(sheet, r.Sheet));
        Assert.Equal((LoadBatchStatus.Loaded, 5, 5, 5, 5), (valid.Status, valid.RowsRead, valid.Inserted, valid.Rejected, valid.ValidValues));
        Assert.Equal(ExpectedFacts, await Facts.AllAsync(warehouse));
        await using var db = warehouse.CreateDbContext();
        var batch = await db.LoadBatches.SingleAsync(b => b.LoadBatchId == valid.LoadBatchId, TestContext.Current.CancellationToken);
        var recorded = await db.LoadRejects.CountAsync(r => r.LoadBatchId == valid.LoadBatchId, TestContext.Current.CancellationToken);
        Assert.Equal((5, 5, 5), (batch.RowsRejected, batch.RowsInserted, recorded));
    }
}
