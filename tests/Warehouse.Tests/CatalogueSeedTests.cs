using System.Text.RegularExpressions;
using Governance.TestSupport;
using Governance.Warehouse.Catalogue;
using Governance.Warehouse.Dimensions;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Tests;

public sealed partial class CatalogueSeedTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task MigrateSeedsEveryIndicatorOfTheCatalogueDocument(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var db = warehouse.CreateDbContext();

        var seeded = await db.Indicators.ToDictionaryAsync(i => i.IndicatorCode, i => i.NameZh, TestContext.Current.CancellationToken);

        Assert.Equal(DocumentedIndicators(), seeded.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AddingAnIndicatorToTheCatalogueAndSeedingAgainAddsItAndKeepsTheRest(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var added = new CatalogueEntry(
            "ENV_TOILETS", "改厕户数", "Households with a renovated toilet", "户", "environment", "Households whose toilet was renovated.",
            Derived: false, CaptureLevel.Villages, PeriodGrain.Year, TimeAggregation.Sum, AreaAggregation.Sum, MinValue: 0);

        await using (var db = warehouse.CreateDbContext())
        {
            await WarehouseSeeder.SeedAsync(db, [.. IndicatorCatalogue.Indicators, added], TestContext.Current.CancellationToken);
        }

        await using var check = warehouse.CreateDbContext();
        var toilets = await check.Indicators.SingleAsync(i => i.IndicatorCode == "ENV_TOILETS", TestContext.Current.CancellationToken);
        Assert.Equal(("改厕户数", "户", CaptureLevel.Villages, TimeAggregation.Sum), (toilets.NameZh, toilets.Unit, toilets.CaptureLevel, toilets.TimeAggregation));
        Assert.Equal(48, await check.Indicators.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task SeedingTwiceChangesNothing(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using (var db = warehouse.CreateDbContext())
        {
            await WarehouseSeeder.SeedAsync(db, TestContext.Current.CancellationToken);
        }

        await using var check = warehouse.CreateDbContext();
        Assert.Equal(
            (47, 5, 51 * 17),
            (await check.Indicators.CountAsync(TestContext.Current.CancellationToken),
             await check.ThresholdParameters.CountAsync(TestContext.Current.CancellationToken),
             await check.Periods.CountAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>Code and Chinese name of every row of INDICATORS.md's indicator tables, read from the document itself.</summary>
    private static IEnumerable<KeyValuePair<string, string>> DocumentedIndicators()
    {
        var text = File.ReadAllText(Repository.PathOf("docs", "INDICATORS.md"));
        return IndicatorRow().Matches(text)
            .Select(m => KeyValuePair.Create(m.Groups[1].Value, m.Groups[2].Value.Trim()))
            .OrderBy(p => p.Key, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\| ([A-Z][A-Z_]+) \| ([^|]+) \|", RegexOptions.Multiline)]
    private static partial Regex IndicatorRow();
}
