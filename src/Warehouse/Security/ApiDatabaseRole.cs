using System.Data.Common;
using System.Text.RegularExpressions;

namespace Governance.Warehouse.Security;

/// <summary>
/// The PostgreSQL login the API runs as, so row-level security holds: LOGIN, no superuser, no BYPASSRLS, inheriting no
/// role, owning nothing, SELECT on the warehouse's tables and views; it writes one table, the requests per caller and
/// minute that the API instances share (<see cref="RequestCountStore.Table"/>), and nothing else. Run as the tables' owner
/// (or a superuser) with CREATEROLE; idempotent: a second run re-asserts the attributes, the password and the grants,
/// so run it again after a migration adds tables.
/// </summary>
public static partial class ApiDatabaseRole
{
    public const string DefaultName = "governance_api";

    public static bool IsValidName(string role) => role is not null && NamePattern().IsMatch(role);

    /// <summary>The statements, in order; <paramref name="password"/> is inlined as a quoted literal (ALTER ROLE takes no parameters).</summary>
    public static IReadOnlyList<string> Statements(string role, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!IsValidName(role))
        {
            throw new ArgumentException($"Role name '{role}' must be lowercase letters, digits and underscores, starting with a letter or underscore (at most 63).", nameof(role));
        }

        if (password.Length == 0 || password.Contains('\0', StringComparison.Ordinal))
        {
            throw new ArgumentException("The role's password must be non-empty text.", nameof(password));
        }

        var literal = "'" + password.Replace("'", "''", StringComparison.Ordinal) + "'";
        return
        [
            $"""
            do $role$
            begin
                if not exists (select from pg_roles where rolname = '{role}') then
                    create role {role} login;
                end if;
                if exists (select from pg_class where relowner = '{role}'::regrole) or exists (select from pg_namespace where nspowner = '{role}'::regrole) then
                    raise exception 'Role {role} owns tables or schemas; the API''s role must own nothing.';
                end if;
                if exists (select from pg_auth_members where member = '{role}'::regrole) then
                    raise exception 'Role {role} is a member of other roles; the API''s role must inherit nothing.';
                end if;
            end
            $role$
            """,
            $"alter role {role} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password {literal}",
            $"""
            do $grants$
            begin
                execute format('grant connect on database %I to {role}', current_database());
                execute format('grant usage on schema %I to {role}', current_schema());
                execute format('revoke all on all tables in schema %I from {role}', current_schema());
                execute format('grant select on all tables in schema %I to {role}', current_schema());
                if to_regclass('{RequestCountStore.Table}') is not null then
                    execute 'grant insert, update, delete on {RequestCountStore.Table} to {role}';
                end if;
            end
            $grants$
            """,
        ];
    }

    /// <summary>Creates or updates the role on the database of <paramref name="connection"/> (opened if closed).</summary>
    public static async Task ApplyAsync(DbConnection connection, string role, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var statements = Statements(role, password);
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(cancellationToken);
        }

        foreach (var statement in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex NamePattern();
}
