using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Governance.Warehouse.Security;

/// <summary>
/// PostgreSQL: every command run inside a request carries its <see cref="AccessScope"/> to row-level security. A DO block
/// sets <c>governance.scope</c> transaction-locally ahead of the command's own statements; a command is one implicit
/// transaction (or runs in EF's), so the setting ends with it and never outlives it on a pooled connection. Outside a
/// request (ETL, migrations, key lookups) nothing is set. Each resolver's context sees the scope of its own request, since
/// <see cref="AccessScope.Current"/> flows with the async call. This is defence in depth: the query engine already
/// narrows its SQL to the caller its requests carry (<c>ObservationRequest.Caller</c> and the like) and never reads the
/// ambient scope; the database refuses rows beyond the ambient one even if a query forgot to.
/// </summary>
public sealed partial class ScopeCommandInterceptor : DbCommandInterceptor
{
    private ScopeCommandInterceptor()
    {
    }

    public static ScopeCommandInterceptor Instance { get; } = new();

    /// <summary>The statement setting the scope; the value is validated, as a DO block takes no parameters.</summary>
    public static string Statement(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var value = scope.SettingValue;
        if (!SettingPattern().IsMatch(value))
        {
            throw new InvalidOperationException($"The access scope '{value}' is neither '*' nor comma-separated digits.");
        }

        return $"DO $scope$ BEGIN PERFORM set_config('governance.scope', '{value}', true); END $scope$;\n";
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        base.ReaderExecuting(Scoped(command), eventData, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        base.ReaderExecutingAsync(Scoped(command), eventData, result, cancellationToken);

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        base.ScalarExecuting(Scoped(command), eventData, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        base.ScalarExecutingAsync(Scoped(command), eventData, result, cancellationToken);

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        base.NonQueryExecuting(Scoped(command), eventData, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        base.NonQueryExecutingAsync(Scoped(command), eventData, result, cancellationToken);

    private static DbCommand Scoped(DbCommand command)
    {
        if (AccessScope.Current is { } scope)
        {
            var statement = Statement(scope);
            if (!command.CommandText.StartsWith(statement, StringComparison.Ordinal))
            {
                command.CommandText = statement + command.CommandText;
            }
        }

        return command;
    }

    [GeneratedRegex("^(\\*|[0-9]+(,[0-9]+)*)$")]
    private static partial Regex SettingPattern();
}
