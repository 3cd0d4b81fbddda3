using Governance.Warehouse;
using Governance.Warehouse.Security;
using Npgsql;

namespace Governance.TestSupport;

/// <summary>
/// A PostgreSQL login of its own made by <see cref="ApiDatabaseRole"/> on a test warehouse (owned by the server's
/// superuser): what the API runs as in production, so row-level security applies. Dropped again on dispose.
/// </summary>
public sealed class TestApiRole : IAsyncDisposable
{
    private readonly TestWarehouse _warehouse;

    private TestApiRole(TestWarehouse warehouse, string name, string password)
    {
        _warehouse = warehouse;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Username = name, Password = password }.ConnectionString;
        Factory = new WarehouseContextFactory(warehouse.Settings with { ConnectionString = ConnectionString });
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Contexts connecting as the role, with the API's scope interceptor.</summary>
    public WarehouseContextFactory Factory { get; }

    /// <summary>The settings of a host under test that runs as the role (and so must not migrate).</summary>
    public IReadOnlyDictionary<string, string?> Configuration => new Dictionary<string, string?>(_warehouse.Configuration)
    {
        ["ConnectionStrings:Warehouse"] = ConnectionString,
        ["Warehouse:MigrateOnStart"] = "false",
    };

    public static async Task<TestApiRole> CreateAsync(TestWarehouse warehouse)
    {
        ArgumentNullException.ThrowIfNull(warehouse);
        var name = $"governance_api_{Guid.NewGuid():N}"[..28];
        var password = Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(warehouse.ConnectionString);
        await ApiDatabaseRole.ApplyAsync(connection, name, password);
        return new TestApiRole(warehouse, name, password);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_warehouse.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop owned by {Name}; drop role {Name}", connection);
        await command.ExecuteNonQueryAsync();
    }
}
