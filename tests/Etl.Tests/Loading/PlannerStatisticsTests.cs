using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Microsoft.Data.Sqlite;
using Npgsql;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

public sealed class PlannerStatisticsTests
{
    [Fact]
    public async Task ASqliteLoadLeavesStatisticsForEveryIndexOfTheFacts()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Sqlite);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        await Loaders.Indicators(warehouse).LoadAsync(folder.Write("a.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V3 + ",2023,CE_TOTAL_INCOME,5")), LoadOptions.Default, TestContext.Current.CancellationToken);

        await using var connection = new SqliteConnection(warehouse.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var indexes = await Sql.ColumnAsync(connection, "select idx from sqlite_stat1 where tbl = 'fct_indicator_value' order by idx");

        Assert.Equal(["ix_fct_indicator_value_indicator_sk_period_sk_area_sk", "ix_fct_indicator_value_load_batch_id", "sqlite_autoindex_fct_indicator_value_1"], indexes);
    }

    [Fact]
    public async Task APostgresLoadLeavesStatisticsForEveryColumnOfTheFacts()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        using var folder = new TempFolder();
        await Loaders.SeedAreasAsync(warehouse, folder);

        await Loaders.Indicators(warehouse).LoadAsync(folder.Write("a.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V3 + ",2023,CE_TOTAL_INCOME,5")), LoadOptions.Default, TestContext.Current.CancellationToken);

        // pg_stats is written by ANALYZE itself (autovacuum would come only after a minute, and only past its thresholds).
        await using var connection = new NpgsqlConnection(warehouse.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var columns = await Sql.ColumnAsync(connection, "select attname from pg_stats where tablename = 'fct_indicator_value' order by attname");

        Assert.Equal(["area_sk", "indicator_sk", "load_batch_id", "loaded_at", "note", "period_sk", "status", "value"], columns);
    }
}
