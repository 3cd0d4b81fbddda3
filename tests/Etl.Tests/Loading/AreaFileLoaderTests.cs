using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class AreaFileLoaderTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MergeClosesTheReplacedAreasAndRecordsTheLineage(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();

        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);

        await using var db = warehouse.CreateDbContext();
        var areas = await db.Areas.OrderBy(a => a.AreaCode).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            [
                $"{Street} Township Street 2000-01-01..",
                $"{Town} Township Town 2000-01-01..",
                $"{K1} Village Community 2000-01-01..",
                $"{K2} Village Community 2000-01-01..",
                $"{V1} Village Village 2000-01-01..",
                $"{V2} Village Village 2000-01-01..2023-12-31 closed",
                $"{V3} Village Village 2000-01-01..2023-12-31 closed",
                $"{V4} Village Village 2024-01-01..",
                $"{County} Prefecture Other 2000-01-01..",
            ],
            areas.OrderBy(a => a.AreaCode == County).ThenBy(a => a.AreaCode, StringComparer.Ordinal)
                .Select(a => $"{a.AreaCode} {a.Level} {a.Kind} {a.ValidFrom:yyyy-MM-dd}..{a.ValidTo:yyyy-MM-dd}{(a.IsCurrent ? "" : " closed")}"));
        Assert.Equal(Town, areas.Single(a => a.AreaCode == V4).ParentCode);
        var lineage = await db.AreaLineage.OrderBy(l => l.ReplacedCode).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([$"{V4}<{V2} 2024-01-01", $"{V4}<{V3} 2024-01-01"], lineage.Select(l => $"{l.AreaCode}<{l.ReplacedCode} {l.EffectiveDate:yyyy-MM-dd}"));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task DataLoadsUnderTheOldCodeBeforeTheMergeAndTheNewCodeAfter(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loader = Loaders.Indicators(warehouse);

        var valid = await loader.LoadAsync(folder.Write("ok.csv", LongFile(V2 + ",2023,CE_OPERATING_INCOME,4", V4 + ",2024,CE_OPERATING_INCOME,9")), LoadOptions.Default, TestContext.Current.CancellationToken);
        var crossed = await loader.LoadAsync(folder.Write("bad.csv", LongFile(V2 + ",2024,CE_OPERATING_INCOME,4", V4 + ",2023,CE_OPERATING_INCOME,9")), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 2), (valid.Status, valid.Inserted));
        Assert.Equal(["area_not_valid_in_period", "area_not_valid_in_period"], crossed.Rejects.Select(r => r.Rule));
        Assert.Equal([V2 + " 2023 CE_OPERATING_INCOME 4", V4 + " 2024 CE_OPERATING_INCOME 9"], await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task RenameOpensANewVersionAndValuesAttachToTheVersionOfTheirPeriod(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        var rename = await Loaders.Areas(warehouse).LoadAsync(folder.Write("rename.csv", "code,name,valid_from\n" + V1 + ",一村（更名）,2025-01-01\n" + V3 + ",三村,2025-01-01\n"), LoadOptions.Default, TestContext.Current.CancellationToken);
        await Loaders.Indicators(warehouse).LoadAsync(folder.Write("v.csv", LongFile(V1 + ",2024,CE_TOTAL_INCOME,1", V1 + ",2025,CE_TOTAL_INCOME,2")), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 0, 1, 1), (rename.Status, rename.Inserted, rename.Updated, rename.Unchanged));
        await using var db = warehouse.CreateDbContext();
        var versions = await db.Areas.Where(a => a.AreaCode == V1).OrderBy(a => a.ValidFrom).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["一村 2000-01-01..2024-12-31 False", "一村（更名） 2025-01-01.. True"], versions.Select(v => $"{v.Name} {v.ValidFrom:yyyy-MM-dd}..{v.ValidTo:yyyy-MM-dd} {v.IsCurrent}"));
        var facts = await db.IndicatorValues.OrderBy(v => v.PeriodSk).Select(v => v.AreaSk).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([versions[0].AreaSk, versions[1].AreaSk], facts);
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AReopenedCodeIsStoredAsANewVersionBesideItsLineageAndReloadingItChangesNothing(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var reopen = folder.Write("reopen.csv", "code,name,urban_rural,valid_from\n" + V2 + ",二村,220,2026-01-01\n");

        var first = await Loaders.Areas(warehouse).LoadAsync(reopen, LoadOptions.Default, TestContext.Current.CancellationToken);
        var again = await Loaders.Areas(warehouse).LoadAsync(folder.Write("again.csv", "code,name,urban_rural,valid_from\n" + V2 + ",二村,220,2026/1/1\n"), LoadOptions.Default, TestContext.Current.CancellationToken);
        var facts = await Loaders.Indicators(warehouse).LoadAsync(folder.Write("v.csv", LongFile(V2 + ",2023,CE_TOTAL_INCOME,1", V2 + ",2026,CE_TOTAL_INCOME,2")), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 0, 1, 0), (first.Status, first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((LoadBatchStatus.Loaded, 0, 0, 1), (again.Status, again.Inserted, again.Updated, again.Unchanged));
        Assert.Equal((LoadBatchStatus.Loaded, 2), (facts.Status, facts.Inserted));
        await using var db = warehouse.CreateDbContext();
        var versions = await db.Areas.Where(a => a.AreaCode == V2).OrderBy(a => a.ValidFrom).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["二村 2000-01-01..2023-12-31 False", "二村 2026-01-01.. True"], versions.Select(v => $"{v.Name} {v.ValidFrom:yyyy-MM-dd}..{v.ValidTo:yyyy-MM-dd} {v.IsCurrent}"));
        var lineage = await db.AreaLineage.OrderBy(l => l.ReplacedCode).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([$"{V4}<{V2} 2024-01-01", $"{V4}<{V3} 2024-01-01"], lineage.Select(l => $"{l.AreaCode}<{l.ReplacedCode} {l.EffectiveDate:yyyy-MM-dd}"));
        var attached = await db.IndicatorValues.OrderBy(v => v.PeriodSk).Select(v => v.AreaSk).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([versions[0].AreaSk, versions[1].AreaSk], attached);
    }

    [Fact]
    public async Task ChangeThatWouldOverlapTheCurrentVersionIsRejected()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        var result = await Loaders.Areas(warehouse).LoadAsync(folder.Write("bad.csv", "code,name,valid_from\n" + V1 + ",新一村,1999-06-01\n" + V3 + ",三村,\n"), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(LoadBatchStatus.Rejected, result.Status);
        var reject = Assert.Single(result.Rejects);
        Assert.Equal((2, "validity_overlap", "1999-06-01"), (reject.Line, reject.Rule, reject.RawValue));
        await using var db = warehouse.CreateDbContext();
        Assert.Equal(["一村"], await db.Areas.Where(a => a.AreaCode == V1).Select(a => a.Name).ToListAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TownshipAndVillageLoadWithoutTheirCountyAndBadRowsAreNamed()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        var loader = Loaders.Areas(warehouse);

        var bad = await loader.LoadAsync(folder.Write("bad.csv", "区划代码,名称,城乡分类代码\n3612001010,短码,\n361200101200,,220\n361200101201,某村,999\n"), LoadOptions.Default, TestContext.Current.CancellationToken);
        var good = await loader.LoadAsync(folder.Write("good.csv", "区划代码,名称,城乡分类代码\n361200101000,某镇,121\n361200101200,某村,220\n"), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal(["2 code area_code_malformed", "3 name name_missing", "4 urban_rural urban_rural_malformed"], bad.Rejects.Select(r => $"{r.Line} {r.Column} {r.Rule}"));
        Assert.Equal((LoadBatchStatus.Loaded, 2), (good.Status, good.Inserted));
        await using var db = warehouse.CreateDbContext();
        var areas = await db.Areas.OrderBy(a => a.AreaCode).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["361200101000 Township Town 361200000000", "361200101200 Village Village 361200101000"], areas.Select(a => $"{a.AreaCode} {a.Level} {a.Kind} {a.ParentCode}"));
    }
}
