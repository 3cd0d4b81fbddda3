using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Writes roll-up rows on the context's connection and transaction, not through the change tracker (which holds the
/// load's own batch and warnings). On SQLite one prepared single-row INSERT is bound and run once a row: the engine's
/// fastest path inside a transaction (a multi-row statement of 2,000 named parameters costs SQLite a name look-up over
/// every parameter for each one, and a new prepare each time: 80% of a national ranking refresh went there). On the
/// server engines multi-row INSERTs save the round trips.
/// </summary>
internal static class RollupRows
{
    /// <summary>Parameters per statement on the server engines: under SQL Server's 2,100.</summary>
    private const int ParametersPerStatement = 2_000;

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in <paramref name="columns"/>' order) into <paramref name="table"/>. A null
    /// goes as a typed null of a double (every nullable roll-up column is one), which SQL Server needs.
    /// </summary>
    public static async Task InsertAsync(WarehouseDbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Provider == WarehouseProvider.Sqlite)
        {
            await InsertPreparedAsync(connection, transaction, table, columns, rows, cancellationToken);
            return;
        }

        var perStatement = ParametersPerStatement / columns.Count;
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new System.Text.StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            var end = Math.Min(rows.Count, start + perStatement);
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{r - start}_{c}");
                    Set(parameter, rows[r][c]);
                    command.Parameters.Add(parameter);
                    text.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task InsertPreparedAsync(DbConnection connection, DbTransaction? transaction, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var names = columns.Select((_, c) => string.Create(CultureInfo.InvariantCulture, $"@c{c}")).ToList();
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", names)})";
        var parameters = names.Select(name =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        await command.PrepareAsync(cancellationToken);
        foreach (var row in rows)
        {
            for (var c = 0; c < parameters.Count; c++)
            {
                Set(parameters[c], row[c]);
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static void Set(DbParameter parameter, object? value)
    {
        if (value is null)
        {
            parameter.Value = DBNull.Value;
            parameter.DbType = DbType.Double;
        }
        else
        {
            parameter.ResetDbType(); // a reused parameter may have held a typed null
            parameter.Value = value;
        }
    }
}
