using System.Data.Common;
using Governance.Api.GraphQL.Limits;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Governance.Api.GraphQL.Faults;

/// <summary>
/// Tells a database that is not answering (down, restarting, refusing connections, busy, timed out) from other failures,
/// so that the client gets a fast 503 with a plain message and the driver's text stays in the log.
/// </summary>
public static class DatabaseFaults
{
    public const string Code = "DATABASE_UNAVAILABLE";

    public const string Message = "The warehouse database is not available at the moment; try again shortly.";

    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RetryLimitExceededException or TimeoutException:
                case PostgresException { SqlState: "55000" or "3D000" or "57P01" or "57P02" or "57P03" or "53300" or "08006" or "08001" or "08003" or "08004" }:
                case NpgsqlException and not PostgresException:
                case SqliteException { SqliteErrorCode: 5 or 6 or 14 }:
                case DbException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>The error a client sees for a database that is not answering (HTTP 503).</summary>
    public static HttpStatusError Unavailable() => new(StatusCodes.Status503ServiceUnavailable, Code, Message);
}
