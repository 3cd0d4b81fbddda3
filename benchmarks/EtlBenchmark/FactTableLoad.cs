using System.Diagnostics;
using Npgsql;

namespace Governance.EtlBenchmark;

/// <summary>
/// The second yardstick: the engine's own bulk load of the loaded rows (resolved keys, as the loader wrote them, in its
/// order) into an empty table with fct_indicator_value's definition, primary key and indexes. What the engine needs to
/// write a fact table the API can query, before any validation, duplicate check, merge or outlier check.
/// </summary>
internal static class FactTableLoad
{
    private const string Table = "fact_table_reference";

    /// <summary>
    /// Exports the warehouse's facts to CSV (not timed), then times <c>.import --csv</c> into a new database holding the
    /// fact table's DDL, with the loader's 24 MiB page cache (at the shell's default 2 MiB, the indexes' pages thrash).
    /// </summary>
    public static async Task<TimeSpan> SqliteAsync(string warehouse, string work)
    {
        var csv = Path.Combine(work, "facts.csv");
        var database = Path.Combine(work, "fact-table.db");
        File.Delete(database);
        var ddl = await SqliteShell.RunAsync(warehouse, ".mode list", "SELECT sql || ';' FROM sqlite_master WHERE tbl_name = 'fct_indicator_value' AND sql IS NOT NULL ORDER BY type DESC;");
        await SqliteShell.RunAsync(warehouse, ".mode csv", $".output {csv}", "SELECT area_sk, period_sk, indicator_sk, value, status, note, load_batch_id, loaded_at FROM fct_indicator_value ORDER BY rowid;");
        await SqliteShell.RunAsync(database, ddl.Replace("fct_indicator_value", Table, StringComparison.Ordinal));
        var clock = Stopwatch.StartNew();
        await SqliteShell.RunAsync(database, "PRAGMA cache_size = -24576;", $".import --csv {csv} {Table}");
        clock.Stop();
        File.Delete(csv);
        return clock.Elapsed;
    }

    /// <summary>Exports the facts with binary <c>COPY (SELECT ...) TO STDOUT</c> (not timed; a partitioned table is copied through a query), then times binary <c>COPY ... FROM STDIN</c> into <c>LIKE fct_indicator_value INCLUDING ALL</c>.</summary>
    public static async Task<TimeSpan> PostgresAsync(string connectionString, string work)
    {
        var file = Path.Combine(work, "facts.copy");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var exported = File.Create(file))
        await using (var reader = await connection.BeginRawBinaryCopyAsync("COPY (SELECT * FROM fct_indicator_value) TO STDOUT (FORMAT binary)"))
        {
            await reader.CopyToAsync(exported);
        }

        await using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (LIKE fct_indicator_value INCLUDING ALL); CHECKPOINT", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var source = File.OpenRead(file))
        await using (var writer = await connection.BeginRawBinaryCopyAsync($"COPY {Table} FROM STDIN (FORMAT binary)"))
        {
            await source.CopyToAsync(writer);
        }

        clock.Stop();
        File.Delete(file);
        await using (var drop = new NpgsqlCommand($"DROP TABLE {Table}", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        return clock.Elapsed;
    }
}
