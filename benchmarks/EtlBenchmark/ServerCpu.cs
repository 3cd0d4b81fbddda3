using System.Globalization;
using Npgsql;

namespace Governance.EtlBenchmark;

/// <summary>
/// CPU time (user + system) of the PostgreSQL backends connected to one database, read from /proc (the server runs on
/// this machine): on a shared machine it says what the server spent on the load, which its wall clock cannot.
/// </summary>
internal static class ServerCpu
{
    /// <summary>Linux reports /proc times in USER_HZ, 100 a second.</summary>
    private const double TicksPerSecond = 100;

    /// <summary>Seconds of CPU by backend pid, read over <paramref name="server"/> (a connection to another database, so it is not counted).</summary>
    public static async Task<IReadOnlyDictionary<int, double>> ReadAsync(string server, string database)
    {
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @db", connection);
        command.Parameters.AddWithValue("db", database);
        var seconds = new Dictionary<int, double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var pid = reader.GetInt32(0);
            if (Seconds(pid) is { } cpu)
            {
                seconds[pid] = cpu;
            }
        }

        return seconds;
    }

    /// <summary>The CPU the backends spent between two readings (a backend that started in between counts whole).</summary>
    public static double Spent(IReadOnlyDictionary<int, double> before, IReadOnlyDictionary<int, double> after) =>
        after.Sum(b => b.Value - before.GetValueOrDefault(b.Key));

    private static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");

            // Fields after the command name (which may hold spaces): state is field 3, utime 14 and stime 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
