using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.Api.Tests.Support;
using Governance.TestSupport;
using Governance.Warehouse;
using Npgsql;

namespace Governance.Api.Tests.GraphQL.Limits;

/// <summary>
/// A request that runs too long is a 408 and its database query is cancelled, as it is when the client goes away: a
/// transaction holding a lock on the catalogue makes the API's first query wait on PostgreSQL for as long as it is held.
/// </summary>
public sealed class ExecutionTimeoutTests
{
    private const string Query = "{ indicators { code } }";

    [Fact]
    public async Task ARequestPastTheTimeoutIs408AndItsQueryIsCancelled()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await using var api = new GovernanceApiFactory(warehouse, new Dictionary<string, string?> { ["Api:Limits:ExecutionTimeoutSeconds"] = "1" });
        using var client = api.CreateClient();
        await using var blocker = await LockCatalogueAsync(warehouse);

        using var response = await client.PostAsJsonAsync("/graphql", new { query = Query }, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
        Assert.Equal("TIMEOUT", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.True(await NoQueryWaitsAsync(warehouse), "The API's query still waits on the lock after the 408.");
    }

    [Fact]
    public async Task AClientThatGoesAwayCancelsItsQuery()
    {
        await using var warehouse = await TestWarehouse.CreateAsync(WarehouseProvider.Postgres);
        await using var api = new GovernanceApiFactory(warehouse);
        using var client = api.CreateClient();
        await using var blocker = await LockCatalogueAsync(warehouse);
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

        var request = client.PostAsJsonAsync("/graphql", new { query = Query }, gone.Token);
        Assert.True(await WaitsAsync(warehouse), "The API's query never reached the database.");
        await gone.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
        Assert.True(await NoQueryWaitsAsync(warehouse), "The API's query still waits on the lock after the client left.");
    }

    /// <summary>A session holding the catalogue locked until it is disposed (its transaction then ends with it).</summary>
    internal static async Task<NpgsqlConnection> LockCatalogueAsync(TestWarehouse warehouse)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(warehouse.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("begin; lock table dim_indicator in access exclusive mode", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>Polls (up to 30 s) until a query of the warehouse's database waits on a lock.</summary>
    internal static Task<bool> WaitsAsync(TestWarehouse warehouse) => PollAsync(warehouse, waiting => waiting > 0);

    /// <summary>Polls (up to 30 s) until no query of the warehouse's database waits on a lock.</summary>
    private static Task<bool> NoQueryWaitsAsync(TestWarehouse warehouse) => PollAsync(warehouse, waiting => waiting == 0);

    private static async Task<bool> PollAsync(TestWarehouse warehouse, Func<long, bool> done)
    {
        await using var connection = new NpgsqlConnection(warehouse.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        for (var attempt = 0; attempt < 300; attempt++)
        {
            await using var command = new NpgsqlCommand(
                "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()", connection);
            if (done((long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!))
            {
                return true;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
