using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Warehouse.Rollups;

/// <summary>Writes roll-up rows with multi-row INSERTs on the context's connection and transaction.</summary>
internal static class RollupRows
{
    /// <summary>Parameters per statement: under SQL Server's 2,100.</summary>
    private const int ParametersPerStatement = 2_000;

    /// <summary>
    /// Inserts <paramref name="rows"/> (values in <paramref name="columns"/>' order) into <paramref name="table"/>. Not
    /// through the change tracker, which holds the load's own batch and warnings.
    /// </summary>
    public static async Task InsertAsync(WarehouseDbContext db, string table, IReadOnlyList<string> columns, IReadOnlyList<object?[]> rows, CancellationToken cancellationToken)
    {
        var perStatement = ParametersPerStatement / columns.Count;
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var text = new System.Text.StringBuilder($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ");
            var end = Math.Min(rows.Count, start + perStatement);
            for (var r = start; r < end; r++)
            {
                text.Append(r == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var parameter = command.CreateParameter();
                    parameter.ParameterName = string.Create(CultureInfo.InvariantCulture, $"@p{r - start}_{c}");
                    parameter.Value = rows[r][c] ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                    text.Append(c == 0 ? "" : ", ").Append(parameter.ParameterName);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
