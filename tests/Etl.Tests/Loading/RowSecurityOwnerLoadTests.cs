using Governance.Etl.Loading;
using Governance.Etl.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Governance.Warehouse.Loading;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using static Governance.Etl.Tests.Support.Some;

namespace Governance.Etl.Tests.Loading;

/// <summary>
/// The ETL runs as the tables' owner, which forced row-level security holds to its policies too: without a scope the
/// owner sees and writes every row (a superuser, as in the other tests, would bypass the policies altogether).
/// </summary>
public sealed class RowSecurityOwnerLoadTests
{
    [Fact]
    public async Task ALoadAndARestatementByTheOwnerWriteEveryRow()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        var owner = $"governance_etl_{Guid.NewGuid():N}"[..28];
        await ExecuteAsync(warehouse.ConnectionString, $"""
            create role {owner} login nosuperuser nobypassrls password 'owner';
            do $own$
            declare item record;
            begin
                for item in select tablename as name from pg_tables where schemaname = current_schema() loop
                    execute format('alter table %I owner to {owner}', item.name);
                end loop;
                for item in select viewname as name from pg_views where schemaname = current_schema() loop
                    execute format('alter view %I owner to {owner}', item.name);
                end loop;
            end
            $own$;
            """);
        try
        {
            var asOwner = new WarehouseContextFactory(warehouse.Settings with
            {
                ConnectionString = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Username = owner, Password = "owner" }.ConnectionString,
            });
            using var folder = new TempFolder();
            var areas = await new AreaFileLoader(asOwner, NullLogger<AreaFileLoader>.Instance).LoadAsync(folder.Write("areas.csv", AreasBeforeMerge), LoadOptions.Default, Ct);
            var loader = new IndicatorFileLoader(asOwner, Options.Create(new LoadingOptions()), NullLogger<IndicatorFileLoader>.Instance);
            var first = await loader.LoadAsync(folder.Write("2023.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,20", V3 + ",2023,CE_TOTAL_INCOME,5")), LoadOptions.Default, Ct);
            var second = await loader.LoadAsync(folder.Write("revised.csv", LongFile(V1 + ",2023,CE_TOTAL_INCOME,25", V1 + ",2022,CE_TOTAL_INCOME,18")), LoadOptions.Default, Ct);

            Assert.Equal((LoadBatchStatus.Loaded, LoadBatchStatus.Loaded, LoadBatchStatus.Loaded), (areas.Status, first.Status, second.Status));
            Assert.Equal((2, 1, 1), (first.Inserted, second.Inserted, second.Updated));
            Assert.Equal([V1 + " 2022 CE_TOTAL_INCOME 18", V1 + " 2023 CE_TOTAL_INCOME 25", V3 + " 2023 CE_TOTAL_INCOME 5"], await Facts.AllAsync(warehouse));
            await using var db = asOwner.CreateDbContext();
            var listed = AreasBeforeMerge.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;
            Assert.Equal((listed, 3, 1), (await db.Areas.CountAsync(Ct), await db.IndicatorValues.CountAsync(Ct), await db.IndicatorValueHistory.CountAsync(Ct)));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(warehouse.ConnectionString, $"reassign owned by {owner} to current_user; drop owned by {owner}; drop role {owner}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
}
