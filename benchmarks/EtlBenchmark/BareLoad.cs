using System.Diagnostics;
using Npgsql;

namespace Governance.EtlBenchmark;

/// <summary>The engines' own bulk load of the same file into a bare four-column table: the yardstick.</summary>
internal static class BareLoad
{
    private const string Table = "bare_indicator_value";

    /// <summary>The sqlite3 shell's <c>.import --csv</c> into a new database file.</summary>
    public static async Task<TimeSpan> SqliteAsync(string database, string csv)
    {
        File.Delete(database);
        var clock = Stopwatch.StartNew();
        await SqliteShell.RunAsync(database, $"CREATE TABLE {Table} (area_code TEXT, period TEXT, indicator TEXT, value NUMERIC);", $".import --csv --skip 1 {csv} {Table}");
        clock.Stop();
        return clock.Elapsed;
    }

    /// <summary><c>COPY ... FROM STDIN (FORMAT csv)</c> through Npgsql's text import.</summary>
    public static async Task<TimeSpan> PostgresAsync(string connectionString, string csv)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand($"DROP TABLE IF EXISTS {Table}; CREATE TABLE {Table} (area_code text, period text, indicator text, value numeric)", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        using (var reader = new StreamReader(csv))
        await using (var writer = await connection.BeginTextImportAsync($"COPY {Table} FROM STDIN (FORMAT csv, HEADER true)"))
        {
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read));
            }
        }

        clock.Stop();
        return clock.Elapsed;
    }
}
