using Governance.TestSupport;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Facts;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Tests.Schema;

public sealed class StarSchemaRulesTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ASecondValueForTheSameAreaPeriodAndIndicatorIsRefused(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var (areaSk, indicatorSk, batchId) = await SeedAreaAndBatchAsync(warehouse);
        var periodSk = PeriodSurrogateKey.Of(PeriodKey.ForYear(2023));
        await using (var db = warehouse.CreateDbContext())
        {
            db.IndicatorValues.Add(new IndicatorValue { AreaSk = areaSk, PeriodSk = periodSk, IndicatorSk = indicatorSk, Value = 12.5m, LoadBatchId = batchId });
            await db.SaveChangesAsync(Cancel);
        }

        await using var second = warehouse.CreateDbContext();
        second.IndicatorValues.Add(new IndicatorValue { AreaSk = areaSk, PeriodSk = periodSk, IndicatorSk = indicatorSk, Value = 13m, LoadBatchId = batchId });

        await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync(Cancel));
        await using var check = warehouse.CreateDbContext();
        Assert.Equal(12.5m, (await check.IndicatorValues.SingleAsync(Cancel)).Value);
    }

    /// <summary>
    /// The fact tables declare no foreign keys (the loader resolves every key against the dimensions;
    /// docs/warehouse.md), and keep the primary key and the indexes the API and the batch scope read by.
    /// </summary>
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheFactTablesKeepTheirKeysAndIndexesButDeclareNoForeignKeys(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        var (foreignKeys, factIndexes, historyIndexes) = provider == WarehouseProvider.Postgres
            ? (
                """
                SELECT COUNT(*) FROM information_schema.table_constraints
                WHERE table_name IN ('fct_indicator_value', 'fct_indicator_value_history') AND constraint_type = 'FOREIGN KEY'
                """,
                "SELECT indexname FROM pg_indexes WHERE tablename = 'fct_indicator_value' ORDER BY indexname",
                "SELECT indexname FROM pg_indexes WHERE tablename = 'fct_indicator_value_history' ORDER BY indexname")
            : (
                "SELECT (SELECT COUNT(*) FROM pragma_foreign_key_list('fct_indicator_value')) + (SELECT COUNT(*) FROM pragma_foreign_key_list('fct_indicator_value_history'))",
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fct_indicator_value' ORDER BY name",
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fct_indicator_value_history' ORDER BY name");
        var primaryKey = provider == WarehouseProvider.Postgres ? "pk_fct_indicator_value" : "sqlite_autoindex_fct_indicator_value_1";
        var historyKey = provider == WarehouseProvider.Postgres ? ["pk_fct_indicator_value_history"] : Array.Empty<string>();

        Assert.Equal(["0"], await ColumnAsync(warehouse, foreignKeys));
        Assert.Equal(
            new[] { "ix_fct_indicator_value_indicator_sk_period_sk_area_sk", "ix_fct_indicator_value_load_batch_id", primaryKey }.Order(StringComparer.Ordinal),
            (await ColumnAsync(warehouse, factIndexes)).Order(StringComparer.Ordinal));
        Assert.Equal(
            historyKey.Append("ix_fct_indicator_value_history_area_sk_period_sk_indicator_sk").Order(StringComparer.Ordinal),
            (await ColumnAsync(warehouse, historyIndexes)).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task ARenamedAreaKeepsBothVersionsWithoutOverlap(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using (var db = warehouse.CreateDbContext())
        {
            db.Areas.Add(Village("361100101200", "东风村", new DateOnly(2015, 1, 1), new DateOnly(2023, 6, 29), isCurrent: false));
            db.Areas.Add(Village("361100101200", "东风社区", new DateOnly(2023, 6, 30), null, isCurrent: true));
            await db.SaveChangesAsync(Cancel);
        }

        await using var check = warehouse.CreateDbContext();
        var versions = await check.Areas.Where(a => a.AreaCode == "361100101200").OrderBy(a => a.ValidFrom).ToListAsync(Cancel);
        Assert.Equal(
            [("东风村", new DateOnly(2015, 1, 1), (DateOnly?)new DateOnly(2023, 6, 29), false), ("东风社区", new DateOnly(2023, 6, 30), null, true)],
            versions.Select(v => (v.Name, v.ValidFrom, v.ValidTo, v.IsCurrent)));
        Assert.True(versions[0].ValidTo < versions[1].ValidFrom);
        Assert.Equal(["东风村"], versions.Where(v => v.OverlapsPeriod(new DateOnly(2022, 1, 1), new DateOnly(2022, 12, 31))).Select(v => v.Name));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TwoVersionsOfAnAreaStartingTheSameDayAreRefused(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var db = warehouse.CreateDbContext();
        db.Areas.Add(Village("361100101200", "东风村", new DateOnly(2015, 1, 1), null, isCurrent: true));
        db.Areas.Add(Village("361100101200", "东风社区", new DateOnly(2015, 1, 1), null, isCurrent: true));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AValidityEndingBeforeItStartsIsRefused(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var db = warehouse.CreateDbContext();
        db.Areas.Add(Village("361100101200", "东风村", new DateOnly(2020, 1, 1), new DateOnly(2019, 12, 31), isCurrent: false));

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task PeriodsNestYearQuarterAndMonth(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var db = warehouse.CreateDbContext();

        var may = await db.Periods.SingleAsync(p => p.PeriodKey == "202305", Cancel);
        var q2 = await db.Periods.SingleAsync(p => p.PeriodKey == "2023Q2", Cancel);

        Assert.Equal((PeriodGrain.Month, new DateOnly(2023, 5, 1), new DateOnly(2023, 5, 31), "2023Q2", "2023", "2023年5月"), (may.Grain, may.StartDate, may.EndDate, may.ParentKey, may.YearKey, may.Label));
        Assert.Equal((new DateOnly(2023, 4, 1), new DateOnly(2023, 6, 30), "2023", "2023年第二季度"), (q2.StartDate, q2.EndDate, q2.ParentKey, q2.Label));
        Assert.Equal(3, await db.Periods.CountAsync(p => p.ParentKey == "2023Q2", Cancel));
    }

    private static async Task<List<string>> ColumnAsync(TestWarehouse warehouse, string sql)
    {
        await using var db = warehouse.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var values = new List<string>();
        while (await reader.ReadAsync(Cancel))
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    private static Area Village(string code, string name, DateOnly from, DateOnly? to, bool isCurrent)
    {
        var parsed = AreaCode.Parse(code);
        return new Area { AreaCode = code, Name = name, Level = parsed.Level, Kind = parsed.Kind, ParentCode = parsed.ParentCode, ValidFrom = from, ValidTo = to, IsCurrent = isCurrent };
    }

    private static async Task<(int AreaSk, int IndicatorSk, long BatchId)> SeedAreaAndBatchAsync(TestWarehouse warehouse)
    {
        await using var db = warehouse.CreateDbContext();
        var area = Village("361100101200", "东风村", new DateOnly(2015, 1, 1), null, isCurrent: true);
        var batch = new LoadBatch { FileName = "test.csv", FileSha256 = new string('0', 64), Kind = LoadBatchKind.IndicatorValues, Status = LoadBatchStatus.Loaded, StartedAt = DateTimeOffset.UtcNow };
        db.Areas.Add(area);
        db.LoadBatches.Add(batch);
        await db.SaveChangesAsync(Cancel);
        var indicatorSk = await db.Indicators.Where(i => i.IndicatorCode == "CE_OPERATING_INCOME").Select(i => i.IndicatorSk).SingleAsync(Cancel);
        return (area.AreaSk, indicatorSk, batch.LoadBatchId);
    }
}
