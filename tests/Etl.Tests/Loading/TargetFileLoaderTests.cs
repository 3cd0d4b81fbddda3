using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class TargetFileLoaderTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TargetsAreInsertedThenReplacedWhenRestated(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);
        var loader = Loaders.Targets(warehouse);
        const string Header = "area_code,indicator,period,target\n";

        var first = await loader.LoadAsync(folder.Write("t1.csv", Header + Town + ",薄弱村数,2025,0\n" + V1 + ",CE_OPERATING_INCOME,2025,20\n"), LoadOptions.Default, TestContext.Current.CancellationToken);
        var second = await loader.LoadAsync(folder.Write("t2.csv", Header + Town + ",CE_WEAK_VILLAGES,2025,0\n" + V1 + ",CE_OPERATING_INCOME,2025,25\n" + Town + ",ORG_DEMO_SITES,2025,1\n"), LoadOptions.Default, TestContext.Current.CancellationToken);
        var bad = await loader.LoadAsync(folder.Write("t3.csv", Header + "999999999999,CE_OPERATING_INCOME,2025,1\n" + V1 + ",CE_OPERATING_INCOME,202501,1\n" + V1 + ",CE_OPERATING_INCOME,2026,x\n"), LoadOptions.Default, TestContext.Current.CancellationToken);

        Assert.Equal((2, 0, 0), (first.Inserted, first.Updated, first.Unchanged));
        Assert.Equal((1, 1, 1), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(LoadBatchStatus.Rejected, bad.Status);
        Assert.Equal(["2 area_code unknown_area", "3 period period_too_fine", "4 target value_not_a_number"], bad.Rejects.Select(r => $"{r.Line} {r.Column} {r.Rule}"));
        await using var db = warehouse.CreateDbContext();
        var targets = await (from t in db.Targets
                             join a in db.Areas on t.AreaSk equals a.AreaSk
                             join i in db.Indicators on t.IndicatorSk equals i.IndicatorSk
                             select a.AreaCode + " " + i.IndicatorCode + " " + t.PeriodSk + " " + t.TargetValue).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([$"{Town} CE_WEAK_VILLAGES 2025000 0", $"{Town} ORG_DEMO_SITES 2025000 1", $"{V1} CE_OPERATING_INCOME 2025000 25"], targets.Select(t => t.Replace(".0000", "", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }
}
