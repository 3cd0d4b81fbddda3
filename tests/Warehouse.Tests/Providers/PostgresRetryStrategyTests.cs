using System.Net;
using System.Net.Sockets;
using Governance.Warehouse.Providers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Warehouse.Tests.Providers;

/// <summary>PostgreSQL retries: a dropped connection is tried again, a server that refuses connections is not.</summary>
public sealed class PostgresRetryStrategyTests
{
    [Fact]
    public async Task AServerThatRefusesConnectionsFailsOnTheFirstAttempt()
    {
        await using var db = Factory(NothingListening()).CreateDbContext();

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => db.Indicators.CountAsync(TestContext.Current.CancellationToken));

        Assert.IsType<NpgsqlException>(failure);
        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failure.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task ADroppedConnectionIsTriedAgain()
    {
        await using var db = Factory(NothingListening()).CreateDbContext();
        var attempts = 0;

        var answer = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            () => ++attempts == 1 ? throw new NpgsqlException("Exception while reading from stream", new IOException("connection reset")) : Task.FromResult(42));

        Assert.Equal((42, 2), (answer, attempts));
    }

    [Fact]
    public void AServerStartingUpCountsAsAway()
    {
        var startingUp = new PostgresException("the database system is starting up", "FATAL", "FATAL", PostgresErrorCodes.CannotConnectNow);

        Assert.Equal((true, false), (PostgresRetryStrategy.IsServerAway(new InvalidOperationException("wrapped", startingUp)), PostgresRetryStrategy.IsServerAway(new TimeoutException())));
    }

    private static WarehouseContextFactory Factory(int port) =>
        new(new WarehouseSettings(WarehouseProvider.Postgres, $"Host=127.0.0.1;Port={port};Username=nobody;Timeout=5", 30));

    /// <summary>A loopback port that was free a moment ago, so connecting to it is refused.</summary>
    private static int NothingListening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
