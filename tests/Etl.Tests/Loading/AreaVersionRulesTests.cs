using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// Every rule of the area loader in one sequence of lists: new areas, a code twice in one file, a rename and a
/// re-classification (new versions), a closing valid_to, merges of loaded areas and of an area new in the same file, a
/// reopened code, overlaps and unknown replaced codes (rejected, or skipped with --skip-invalid-rows), a dry run and a
/// reload of the same content. The expected rows are the ones the row-by-row loader (EF change tracking, before the
/// set-based path) wrote for this sequence, so the set-based path is held to exactly what the rules gave before.
/// </summary>
public sealed class AreaVersionRulesTests
{
    private const string V5 = "361100101205";
    private const string V6 = "361100101206";
    private const string V7 = "361100101207";
    private const string Gone = "361100101299";

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ASequenceOfListsGivesTheVersionsAndLineageOfTheRowByRowRules(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        var loader = Loaders.Areas(warehouse);
        var steps = new List<string>();

        async Task LoadAsync(string name, string text, LoadOptions? options = null)
        {
            var result = await loader.LoadAsync(folder.Write(name, text), options ?? LoadOptions.Default, TestContext.Current.CancellationToken);
            steps.Add($"{name}: {result.Status} read {result.RowsRead} +{result.Inserted} ~{result.Updated} ={result.Unchanged} !{result.Rejected}");
            steps.AddRange(result.Rejects.Select(r => $"  {r.Line} {r.Column} {r.Rule} {r.RawValue}: {r.Message}"));
        }

        await LoadAsync("first.csv", AreasBeforeMerge.Replace("urban_rural\n", "urban_rural,valid_from\n", StringComparison.Ordinal) + K1 + ",一社区,,\n" + V5 + ",五村,220,\n" + V5 + ",五村（新）,220,2010-01-01\n");
        await LoadAsync(
            "changes.csv",
            "code,name,urban_rural,valid_from,valid_to,replaces\n"
            + V1 + ",一村（更名）,220,2025-01-01,,\n"
            + K2 + ",二社区,111,,2022-12-31,\n"
            + Town + ",样例镇,122,2023-01-01,,\n"
            + Street + ",样例街道,111,,,\n"
            + V4 + ",四村,220,2024-01-01,," + V2 + ";" + V3 + "\n"
            + V6 + ",六村,220,2000-01-01,,\n"
            + V7 + ",七村,220,2020-01-01,," + V6 + "\n");
        await LoadAsync(
            "bad.csv",
            "code,name,urban_rural,valid_from,valid_to,replaces\n"
            + V1 + ",一村（再更名）,220,2025-01-01,,\n"
            + V2 + ",二村,220,2026-01-01,,\n"
            + V3 + ",三村,220,,,\n"
            + V4 + ",四村,220,2024-01-01,," + Gone + "\n"
            + K2 + ",二社区,111,,2020-12-31,\n"
            + "361100101208,八村,220,2019-01-01,," + V7 + "\n"
            + "361100101209,九村,220,,," + V6 + "\n");
        await LoadAsync(
            "skip.csv",
            "code,name,urban_rural,valid_from,valid_to,replaces\n"
            + V1 + ",一村（再更名）,220,2025-01-01,,\n"
            + V2 + ",二村,220,2026/1/1,,\n"
            + V4 + ",四村,220,2024-01-01,," + Gone + "\n"
            + V5 + ",五村（新）,,,2030-06-30,\n",
            new LoadOptions(SkipInvalidRows: true));
        await LoadAsync("dry.csv", "code,name,valid_from\n" + V3 + ",三村（试）,2027-01-01\n", new LoadOptions(DryRun: true));
        await LoadAsync("again.csv", "code,name,valid_from,valid_to\n" + V2 + ",二村,2026-01-01,\n" + V5 + ",五村（新）,,2030-06-30\n" + K1 + ",一社区,,\n");

        await using var db = warehouse.CreateDbContext();
        var areas = await db.Areas.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        var lineage = await db.AreaLineage.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [
                "first.csv: Loaded read 11 +9 ~1 =1 !0",
                "changes.csv: Loaded read 7 +3 ~3 =1 !0",
                "bad.csv: Rejected read 7 +0 ~0 =0 !4",
                "  2 valid_from validity_overlap 2025-01-01: 区划 361100101200：名称或城乡分类变了，需要晚于 2025-01-01 的生效日期 / the name or class changed: give a valid_from after 2025-01-01, when the current version starts",
                "  5 replaces unknown_area 361100101299: 区划代码 361100101299 不在区划表中（先用 governance areas 导入区划）/ area code 361100101299 is not in the area list (load it with governance areas)",
                "  7 valid_from validity_overlap 2019-01-01: 区划 361100101208：被替代的 361100101207 自 2020-01-01 起有效，不能在 2019-01-01 被替代 / replaced area 361100101207 starts 2020-01-01, not before the merge on 2019-01-01",
                "  8 valid_from date_malformed : 合并需要生效日期 / a merge (replaces) needs a valid_from",
                "skip.csv: Loaded read 4 +0 ~2 =1 !2",
                "  2 valid_from validity_overlap 2025-01-01: 区划 361100101200：名称或城乡分类变了，需要晚于 2025-01-01 的生效日期 / the name or class changed: give a valid_from after 2025-01-01, when the current version starts",
                "  4 replaces unknown_area 361100101299: 区划代码 361100101299 不在区划表中（先用 governance areas 导入区划）/ area code 361100101299 is not in the area list (load it with governance areas)",
                "dry.csv: DryRun read 1 +0 ~0 =0 !0",
                "again.csv: Loaded read 3 +0 ~0 =3 !0",
            ],
            steps);
        Assert.Equal(
            [
                "361100000000 样例县 Prefecture Other 360000000000  2000-01-01.. current",
                "361100001000 样例街道 Township Street 361100000000 111 2000-01-01.. current",
                "361100101000 样例镇 Township Town 361100000000 121 2000-01-01..2022-12-31 closed",
                "361100101000 样例镇 Township Town 361100000000 122 2023-01-01.. current",
                "361100101001 一社区 Village Community 361100101000 111 2000-01-01.. current",
                "361100101002 二社区 Village Community 361100101000 111 2000-01-01..2022-12-31 closed",
                "361100101200 一村 Village Village 361100101000 220 2000-01-01..2024-12-31 closed",
                "361100101200 一村（更名） Village Village 361100101000 220 2025-01-01.. current",
                "361100101201 二村 Village Village 361100101000 220 2000-01-01..2023-12-31 closed",
                "361100101201 二村 Village Village 361100101000 220 2026-01-01.. current",
                "361100101202 三村 Village Village 361100101000 220 2000-01-01..2023-12-31 closed",
                "361100101205 五村 Village Village 361100101000 220 2000-01-01..2009-12-31 closed",
                "361100101205 五村（新） Village Village 361100101000 220 2010-01-01..2030-06-30 closed",
                "361100101206 六村 Village Village 361100101000 220 2000-01-01..2019-12-31 closed",
                "361100101207 七村 Village Village 361100101000 220 2020-01-01.. current",
                "361100101210 四村 Village Village 361100101000 220 2024-01-01.. current",
            ],
            areas.OrderBy(a => a.AreaCode, StringComparer.Ordinal).ThenBy(a => a.ValidFrom)
                .Select(a => $"{a.AreaCode} {a.Name} {a.Level} {a.Kind} {a.ParentCode} {a.UrbanRuralClass} {a.ValidFrom:yyyy-MM-dd}..{a.ValidTo:yyyy-MM-dd} {(a.IsCurrent ? "current" : "closed")}"));
        Assert.Equal(
            [
                "361100101207<361100101206 2020-01-01",
                "361100101210<361100101201 2024-01-01",
                "361100101210<361100101202 2024-01-01",
            ],
            lineage.OrderBy(l => l.AreaCode, StringComparer.Ordinal).ThenBy(l => l.ReplacedCode, StringComparer.Ordinal).Select(l => $"{l.AreaCode}<{l.ReplacedCode} {l.EffectiveDate:yyyy-MM-dd}"));

        // A code's versions are numbered in the order of their validity, as every earlier load numbered them.
        Assert.All(areas.GroupBy(a => a.AreaCode), g => Assert.Equal(g.OrderBy(a => a.ValidFrom).Select(a => a.AreaSk), g.OrderBy(a => a.AreaSk).Select(a => a.AreaSk)));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ARejectOfAStagedWorkbookRowNamesItsSheetRowAndColumn(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var path = folder.File("revision.xlsx");
        Workbook.Write(
            path,
            ("说明", [["2024 年区划调整"]]),
            ("区划", [["区划代码", "名称", "城乡分类代码", "生效日期"], [V2, "二村", "220", ""], [V1, "一村（新）", "220", "1999/12/31"], [V3, "三村（新）", "220", "2024/1/1"]]));

        var result = await Loaders.Areas(warehouse).LoadAsync(path, new LoadOptions(SkipInvalidRows: true), TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 0, 1, 1), (result.Status, result.Inserted, result.Updated, result.Unchanged));
        var reject = Assert.Single(result.Rejects);
        Assert.Equal(("区划", 3, "valid_from", "validity_overlap", "1999/12/31"), (reject.Sheet, reject.Line, reject.Column, reject.Rule, reject.RawValue));
        await using var db = warehouse.CreateDbContext();
        Assert.Equal(
            [$"{V1} 一村 2000-01-01..", $"{V3} 三村 2000-01-01..2023-12-31", $"{V3} 三村（新） 2024-01-01.."],
            (await db.Areas.Where(a => a.AreaCode == V1 || a.AreaCode == V3).ToListAsync(TestContext.Current.CancellationToken))
                .OrderBy(a => a.AreaCode, StringComparer.Ordinal).ThenBy(a => a.ValidFrom).Select(a => $"{a.AreaCode} {a.Name} {a.ValidFrom:yyyy-MM-dd}..{a.ValidTo:yyyy-MM-dd}"));
    }
}
