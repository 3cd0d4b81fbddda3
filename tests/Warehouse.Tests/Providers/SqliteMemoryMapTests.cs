using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Tests.Providers;

/// <summary>Every SQLite connection EF Core opens (pooled ones again) reads the file through the configured memory map.</summary>
public sealed class SqliteMemoryMapTests
{
    [Theory]
    [InlineData(256, 268_435_456L)]
    [InlineData(8, 8_388_608L)]
    [InlineData(0, 0L)]
    public async Task EachOpenedConnectionHasTheConfiguredMemoryMap(int megabytes, long bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"governance-mmap-{Guid.NewGuid():N}.db");
        try
        {
            var factory = new WarehouseContextFactory(new WarehouseSettings(WarehouseProvider.Sqlite, $"Data Source={file}", 30) { SqliteMemoryMapMegabytes = megabytes });
            for (var open = 0; open < 2; open++)
            {
                await using var db = factory.CreateDbContext();
                await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA mmap_size";
                Assert.Equal(bytes, (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }
}
