using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Warehouse.Security;

/// <summary>
/// SQL Server: every connection opened inside a request carries its <see cref="AccessScope"/> to the security policy of
/// <c>sql/sqlserver/security-policy.sql</c> as the read-only <c>SESSION_CONTEXT(N'governance.scope')</c>; the pool's
/// connection reset clears it before the connection serves anyone else. Outside a request nothing is set. Defence in
/// depth, as <see cref="ScopeCommandInterceptor"/>: the query engine's own SQL follows the caller of its requests.
/// </summary>
public sealed class SessionContextInterceptor : DbConnectionInterceptor
{
    private const string SetScope = "EXEC sys.sp_set_session_context @key = N'governance.scope', @value = @scope, @read_only = 1;";

    private SessionContextInterceptor()
    {
    }

    public static SessionContextInterceptor Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AccessScope.Current is { } scope)
        {
            using var command = Command(connection, scope);
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (AccessScope.Current is { } scope)
        {
            await using var command = Command(connection, scope);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(DbConnection connection, AccessScope scope)
    {
        var command = connection.CreateCommand();
        command.CommandText = SetScope;
        var value = command.CreateParameter();
        value.ParameterName = "@scope";
        value.Value = scope.SettingValue;
        command.Parameters.Add(value);
        return command;
    }
}
