using Governance.TestSupport;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Warehouse.Tests.Schema;

/// <summary>Migration WarehouseVersion: one row, id 1, that the tables' readers may read; a second row is refused.</summary>
public sealed class WarehouseVersionSchemaTests
{
    [Theory]
    [MemberData(nameof(Engines.All), MemberType = typeof(Engines))]
    public async Task TheVersionIsOneRowThatAdvancesAtomically(WarehouseProvider provider)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var warehouse = await TestWarehouse.CreateAsync(provider);
        await using var db = warehouse.CreateDbContext();
        var before = await WarehouseVersion.ReadAsync(db, ct);

        // Ten advances at once, each in a context of its own: none is lost.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            await using var other = warehouse.CreateDbContext();
            await WarehouseVersion.AdvanceAsync(other, ct);
        }));

        Assert.Equal(before + 10, await WarehouseVersion.ReadAsync(db, ct));
        Assert.Equal([1], await db.WarehouseVersions.Select(v => v.Id).ToListAsync(ct));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("INSERT INTO warehouse_version (id, version, changed_at) VALUES (2, 1, '2026-01-01 00:00:00+00')", ct));
    }

    [Fact]
    public async Task AnApiRoleMadeBeforeTheMigrationReadsTheVersionAfterIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = TestWarehouse.PostgresServer();
        var database = $"governance_version_{Guid.NewGuid():N}";
        var role = $"governance_api_{Guid.NewGuid():N}"[..28];
        await ExecuteAsync(server, $"CREATE DATABASE {database}");
        var settings = new WarehouseSettings(WarehouseProvider.Postgres, TestWarehouse.WithDatabase(server, database), 60);
        try
        {
            var factory = new WarehouseContextFactory(settings);
            await using (var db = factory.CreateDbContext())
            {
                await db.GetService<IMigrator>().MigrateAsync("20261202052657_BatchAreaScope", cancellationToken: ct);
                await ApiDatabaseRole.ApplyAsync(db.Database.GetDbConnection(), role, "secret-password", ct);
            }

            await new WarehouseMigrator(factory, NullLogger<WarehouseMigrator>.Instance).MigrateAsync(ct);

            var asRole = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Username = role, Password = "secret-password" }.ConnectionString;
            await using var connection = new NpgsqlConnection(asRole);
            Assert.True(await WarehouseVersion.ReadAsync(connection, ct) >= 1);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            await ExecuteAsync(server, $"DROP ROLE IF EXISTS {role}");
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
