using System.Data.Common;

namespace Governance.TestSupport;

/// <summary>Plain SQL against a warehouse, for tests that check what the engine itself holds (its catalog, its statistics).</summary>
public static class Sql
{
    /// <summary>The first column of every row, as text.</summary>
    public static async Task<string[]> ColumnAsync(DbConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return [.. values];
    }
}
