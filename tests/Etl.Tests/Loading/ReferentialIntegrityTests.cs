using System.Globalization;
using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// The fact tables declare no foreign keys (docs/warehouse.md): the loader is what keeps every fact pointing at an
/// area, a period, an indicator and a batch that exist. These tests hold it to that.
/// </summary>
public sealed class ReferentialIntegrityTests
{
    /// <summary>For each key column of both fact tables, the rows whose key is missing from its dimension.</summary>
    private const string Orphans =
        """
        SELECT
            (SELECT COUNT(*) FROM fct_indicator_value f WHERE NOT EXISTS (SELECT 1 FROM dim_area d WHERE d.area_sk = f.area_sk)),
            (SELECT COUNT(*) FROM fct_indicator_value f WHERE NOT EXISTS (SELECT 1 FROM dim_period d WHERE d.period_sk = f.period_sk)),
            (SELECT COUNT(*) FROM fct_indicator_value f WHERE NOT EXISTS (SELECT 1 FROM dim_indicator d WHERE d.indicator_sk = f.indicator_sk)),
            (SELECT COUNT(*) FROM fct_indicator_value f WHERE NOT EXISTS (SELECT 1 FROM etl_load_batch d WHERE d.load_batch_id = f.load_batch_id)),
            (SELECT COUNT(*) FROM fct_indicator_value_history f WHERE NOT EXISTS (SELECT 1 FROM dim_area d WHERE d.area_sk = f.area_sk)),
            (SELECT COUNT(*) FROM fct_indicator_value_history f WHERE NOT EXISTS (SELECT 1 FROM dim_period d WHERE d.period_sk = f.period_sk)),
            (SELECT COUNT(*) FROM fct_indicator_value_history f WHERE NOT EXISTS (SELECT 1 FROM dim_indicator d WHERE d.indicator_sk = f.indicator_sk)),
            (SELECT COUNT(*) FROM fct_indicator_value_history f WHERE NOT EXISTS (SELECT 1 FROM etl_load_batch d WHERE d.load_batch_id = f.load_batch_id)),
            (SELECT COUNT(*) FROM fct_indicator_value_history f WHERE NOT EXISTS (SELECT 1 FROM etl_load_batch d WHERE d.load_batch_id = f.superseded_by_batch_id))
        """;

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task YearsOutsideTheSeededPeriodsAreRejectedByRowAndNothingIsWritten(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        var result = await Loaders.Indicators(warehouse).LoadAsync(
            folder.Write("years.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V1 + ",1999,CE_TOTAL_INCOME,1", V1 + ",2051,CE_TOTAL_INCOME,2")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Rejected, 0), (result.Status, result.Inserted));
        Assert.Equal(["3 period period_malformed 1999", "4 period period_malformed 2051"], await RejectsAsync(warehouse, result.LoadBatchId!.Value));
        Assert.Empty(await Facts.AllAsync(warehouse));
    }

    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task AfterLoadsARestatementAndSkippedRowsNoFactPointsOutsideItsDimensions(WarehouseProvider provider)
    {
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder, withMerge: true);
        var loader = Loaders.Indicators(warehouse);
        var first = await loader.LoadAsync(
            folder.Write("first.csv", LongFile(
                V1 + ",2023,CE_TOTAL_INCOME,20",
                V2 + ",2023,CE_TOTAL_INCOME,7",
                V4 + ",2024,CE_TOTAL_INCOME,30",
                K1 + ",2024Q2,ORG_COMPOUNDS,10",
                K1 + ",2024Q2,ORG_COMPOUNDS_WITH_BRANCH,4")),
            LoadOptions.Default,
            TestContext.Current.CancellationToken);

        var second = await loader.LoadAsync(
            folder.Write("second.csv", LongFile(
                V1 + ",2023,CE_TOTAL_INCOME,25",
                "999999999999,2023,CE_TOTAL_INCOME,1",
                V1 + ",2051,CE_TOTAL_INCOME,1",
                V1 + ",2023,FOO,1",
                V3 + ",2023,CE_TOTAL_INCOME,8")),
            new LoadOptions(SkipInvalidRows: true),
            TestContext.Current.CancellationToken);

        Assert.Equal((LoadBatchStatus.Loaded, 5), (first.Status, first.Inserted));
        Assert.Equal((LoadBatchStatus.Loaded, 1, 1, 0), (second.Status, second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(
            ["3 area_code unknown_area 999999999999", "4 period period_malformed 2051", "5 indicator unknown_indicator FOO"],
            await RejectsAsync(warehouse, second.LoadBatchId!.Value));
        await using var db = warehouse.CreateDbContext();
        Assert.Equal((6, 1), (await db.IndicatorValues.CountAsync(TestContext.Current.CancellationToken), await db.IndicatorValueHistory.CountAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(["0", "0", "0", "0", "0", "0", "0", "0", "0"], await RowAsync(db, Orphans));
    }

    private static async Task<IReadOnlyList<string>> RejectsAsync(TestWarehouse warehouse, long batchId)
    {
        await using var db = warehouse.CreateDbContext();
        var rejects = await db.LoadRejects.Where(r => r.LoadBatchId == batchId).ToListAsync(TestContext.Current.CancellationToken);
        return rejects.OrderBy(r => r.LineNumber).Select(r => $"{r.LineNumber} {r.ColumnName} {r.Rule} {r.RawValue}").ToList();
    }

    private static async Task<IReadOnlyList<string>> RowAsync(WarehouseDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        return Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!).ToList();
    }
}
