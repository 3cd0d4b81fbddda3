using System.Globalization;

namespace Governance.LoadTest;

/// <summary>
/// CPU time (user + system, from /proc) of a whole PostgreSQL server on this machine: its postmaster, the children it has
/// reaped (cutime/cstime: backends that ended, such as the ETL's connections) and the children still running (backends,
/// walsenders, walwriter, checkpointer, autovacuum). The difference of two readings is what the server spent between them.
/// </summary>
internal static class ServerCpu
{
    /// <summary>Linux reports /proc times in USER_HZ, 100 a second.</summary>
    private const double TicksPerSecond = 100;

    public static double Read(int postmaster)
    {
        var own = Fields(postmaster) ?? throw new InvalidOperationException($"No PostgreSQL server runs as process {postmaster}.");
        var total = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && Fields(pid) is { } child && Ticks(child, 1) == postmaster)
            {
                total += Ticks(child, 11) + Ticks(child, 12);
            }
        }

        return total / TicksPerSecond;
    }

    /// <summary>The CPU seconds of one process (user + system), or 0 if it has ended.</summary>
    public static double OfProcess(int pid) => Fields(pid) is { } fields ? (Ticks(fields, 11) + Ticks(fields, 12)) / TicksPerSecond : 0;

    /// <summary>The fields of /proc/PID/stat after the command name (which may hold spaces): [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);
}
