using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Tests.Support;

/// <summary>
/// A generated county for load tests: <see cref="Townships"/> townships of <see cref="VillagesPerTownship"/> villages,
/// each village with a quarterly GOV_GRIDS value for every quarter of <see cref="FirstYear"/>..<see cref="LastYear"/>.
/// </summary>
public static class HeavyWarehouse
{
    public const string County = "361102000000";
    public const int Townships = 10;
    public const int VillagesPerTownship = 60;
    public const int FirstYear = 2000;
    public const int LastYear = 2029;

    /// <summary>Villages x quarters x GOV_GRIDS, growth sorted: every row is read, grouped and sorted, none is paged away before.</summary>
    public const string Query = """
        { observations(indicators: ["GOV_GRIDS"], level: VILLAGE, within: "361102000000", grain: QUARTER, from: "2000Q1", to: "2029Q4",
                       includeNonReporting: true, orderBy: [{ field: YOY_GROWTH, direction: DESC }], first: 5) { totalCount nodes { areaCode value } } }
        """;

    public static async Task FillAsync(TestWarehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        await using var db = warehouse.CreateDbContext();
        var batch = new LoadBatch { FileName = "heavy.csv", FileSha256 = Guid.NewGuid().ToString("N"), Status = LoadBatchStatus.Loaded, Kind = LoadBatchKind.IndicatorValues, StartedAt = DateTimeOffset.UnixEpoch };
        db.LoadBatches.Add(batch);
        db.Areas.Add(AreaOf(County, "County"));
        var villages = new List<Area>();
        for (var t = 1; t <= Townships; t++)
        {
            var township = $"361102{100 + t}000";
            db.Areas.Add(AreaOf(township, $"Town {t}"));
            for (var v = 0; v < VillagesPerTownship; v++)
            {
                villages.Add(AreaOf($"361102{100 + t}{200 + v}", $"Village {t}-{v}"));
            }
        }

        db.Areas.AddRange(villages);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var grids = await db.Indicators.Where(i => i.IndicatorCode == "GOV_GRIDS").Select(i => i.IndicatorSk).SingleAsync(TestContext.Current.CancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var village in villages)
        {
            for (var year = FirstYear; year <= LastYear; year++)
            {
                for (var quarter = 1; quarter <= 4; quarter++)
                {
                    var periodSk = PeriodSurrogateKey.Of(new PeriodKey(PeriodGrain.Quarter, year, quarter));
                    db.IndicatorValues.Add(new IndicatorValue { AreaSk = village.AreaSk, IndicatorSk = grids, PeriodSk = periodSk, Value = 1 + ((village.AreaSk + year + quarter) % 9), LoadBatchId = batch.LoadBatchId, LoadedAt = DateTimeOffset.UnixEpoch });
                }
            }
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    private static Area AreaOf(string code, string name)
    {
        var parsed = AreaCode.Parse(code);
        return new Area { AreaCode = code, Name = name, Level = parsed.Level, Kind = parsed.Kind, ParentCode = parsed.ParentCode, ValidFrom = new DateOnly(1990, 1, 1), IsCurrent = true, LoadedAt = DateTimeOffset.UnixEpoch };
    }
}
