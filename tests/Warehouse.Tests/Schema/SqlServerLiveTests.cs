using Governance.Warehouse.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Governance.Warehouse.Tests.Schema;

/// <summary>Runs only where <c>GOVERNANCE_TEST_SQLSERVER</c> names a SQL Server (none can run on the project's CI machines).</summary>
public sealed class SqlServerLiveTests
{
    [Fact]
    public async Task MigrateCreatesTheWarehouseOnARealSqlServer()
    {
        var server = Environment.GetEnvironmentVariable("GOVERNANCE_TEST_SQLSERVER");
        Assert.SkipWhen(string.IsNullOrWhiteSpace(server), "SQL Server test skipped: set GOVERNANCE_TEST_SQLSERVER to a connection string of a server where tests may create a database.");
        var database = $"governance_test_{Guid.NewGuid():N}";
        var builder = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(server) { InitialCatalog = database };
        var factory = new WarehouseContextFactory(new WarehouseSettings(WarehouseProvider.SqlServer, builder.ConnectionString, 120));
        try
        {
            await new WarehouseMigrator(factory, NullLogger<WarehouseMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken);
            await using var db = factory.CreateDbContext();
            Assert.IsType<SqlServerWarehouseDbContext>(db);
            Assert.Equal(47, await db.Indicators.CountAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            await using var db = factory.CreateDbContext();
            await db.Database.EnsureDeletedAsync(TestContext.Current.CancellationToken);
        }
    }
}
