using System.Net.Sockets;
using Npgsql;

namespace Governance.Warehouse.Replicas;

/// <summary>Which failures of a read mean "this server cannot answer now", so the request is answered by the primary instead.</summary>
public static class ReadFailure
{
    /// <summary>
    /// True for a server that is away or going away (refused, unreachable, a broken connection, shut down: SQLSTATE class
    /// 08 and 57P0x) and for a standby's query cancelled by recovery (40001); false for the query's own faults (a syntax
    /// error, a timeout, a cancellation).
    /// </summary>
    public static bool IsServerFailure(Exception? exception)
    {
        var failure = false;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException or OperationCanceledException:
                    return false;
                case PostgresException p:
                    return p.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                            or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DatabaseDropped;
                case SocketException or IOException or EndOfStreamException:
                    failure = true;
                    break;
            }
        }

        return failure;
    }

    /// <summary>One line: the innermost database or network message, no stack.</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var last = exception;
        for (var e = exception; e is not null; e = e.InnerException)
        {
            last = e;
            if (e is PostgresException or SocketException)
            {
                break;
            }
        }

        return last.Message;
    }
}
