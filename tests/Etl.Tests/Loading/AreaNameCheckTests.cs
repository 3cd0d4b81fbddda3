using Governance.Etl.Batches;
using Governance.Etl.Loading;
using Governance.Etl.Terminal;
using Governance.Etl.Tests.Support;
using Governance.Etl.Validation;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>The name column of a report is compared with the area list: a name that is not the code's is a warning.</summary>
public sealed class AreaNameCheckTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ANameThatIsNotTheCodesIsOneWarningAndTheValuesStillLoad(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        // V1 is 一村 in the area list; 某村 under its code is a typed code. The other names are spellings of the list's:
        // a suffix (二村委会), full-width spaces (三 村), the town before a community and a longer suffix.
        var path = folder.Write(
            "township.csv",
            "区划代码,村名,年度,村集体经济总收入,党员数\n"
            + V1 + ",某村,2023,10,30\n"
            + V2 + ",二村委会,2023,11,31\n"
            + V3 + ",\u3000三\u3000村\u3000,2023,12,32\n"
            + K1 + ",样例镇一社区居委会,2023,,33\n");

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 7, 0, 1), (result.Status, result.Inserted, result.Rejected, result.Warnings));
        await using var db = warehouse.CreateDbContext();
        var warning = Assert.Single(await db.LoadWarnings.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((AreaNameCheck.Rule, V1, "2023", "", (decimal?)null), (warning.Rule, warning.AreaCode, warning.PeriodKey, warning.IndicatorCode, warning.Value));
        Assert.Equal(
            $"line 2, column 村名：区划代码 {V1} 在区划表中是“一村”，文件中的名称是“某村”，请核对代码（名称不符不影响导入）/ "
            + $"line 2, column 村名: area code {V1} is '一村' in the area list but the file names it '某村'; check the code (a name that differs does not stop the load)",
            warning.Message);
        var detail = await new BatchQueries(warehouse.Factory).FindAsync(result.LoadBatchId!.Value, TestContext.Current.CancellationToken);
        var output = new StringWriter();
        BatchReport.WriteDetail(OperatorConsole.Create(output, terminal: false), detail!);
        Assert.Contains(output.ToString().Split('\n'), l => l.TrimStart().StartsWith($"name_mismatch   {V1}   2023", StringComparison.Ordinal) && l.Contains("某村", StringComparison.Ordinal) && l.Contains("一村", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ALongFilesNameColumnIsCheckedOnceForEachCodeAndNameEvenWhenTheFileIsRejected(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.Write(
            "long.csv",
            "area_code,name,period,indicator,value\n"
            + V2 + ",三村,2023,CE_TOTAL_INCOME,10\n"
            + V2 + ",三村,2023,CE_ASSETS,20\n"
            + V1 + ",一村,2023,CE_ASSETS,-1\n");

        var result = await Loaders.Indicators(warehouse).LoadAsync(path, LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Rejected, 1, 1), (result.Status, result.Rejected, result.Warnings));
        await using var db = warehouse.CreateDbContext();
        var warning = Assert.Single(await db.LoadWarnings.ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal((AreaNameCheck.Rule, V2, result.LoadBatchId), (warning.Rule, warning.AreaCode, (long?)warning.LoadBatchId));
        Assert.StartsWith($"line 2, column name：区划代码 {V2} 在区划表中是“二村”，文件中的名称是“三村”", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("后河村", "后河村委会", true)]
    [InlineData("后河村", "后河村民委员会", true)]
    [InlineData("后河村", "后河", true)]
    [InlineData("后河村", "\u3000后 河 村 ", true)]
    [InlineData("东风社区", "东风社区居民委员会", true)]
    [InlineData("东风社区", "东风居委会", true)]
    [InlineData("城关镇", "城关镇人民政府", false)]
    [InlineData("后河村", "某某县城关镇后河村", true)]
    [InlineData("ＡＢ村", "ab村", true)]
    [InlineData("后河村", "某村", false)]
    [InlineData("一村", "十一村", false)]
    [InlineData("后河村", "前后河村", false)]
    public void NamesMatchUpToWidthSpacesSuffixesAndEnclosingAreas(string known, string file, bool matches) =>
        Assert.Equal(matches, AreaNameText.Matches(file, [known]));
}
