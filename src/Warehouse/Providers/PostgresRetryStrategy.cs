using System.Net.Sockets;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Governance.Warehouse.Providers;

/// <summary>
/// Retries what a second attempt can cure (a pooled connection the server closed, a deadlock, a serialization failure),
/// up to 3 times and at most a second apart, but not a server that refuses connections or is starting up or shutting
/// down: there the caller (the API's 503) learns it at once instead of after the whole back-off.
/// </summary>
public sealed class PostgresRetryStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromSeconds(1), errorCodesToAdd: null)
{
    public const int MaxRetries = 3;

    /// <summary>True when the server is not there to answer: refused or unreachable, or not accepting connections now (57P03).</summary>
    public static bool IsServerAway(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.AddressNotAvailable }:
                case PostgresException { SqlState: PostgresErrorCodes.CannotConnectNow }:
                    return true;
            }
        }

        return false;
    }

    protected override bool ShouldRetryOn(Exception? exception) => !IsServerAway(exception) && base.ShouldRetryOn(exception!);
}
