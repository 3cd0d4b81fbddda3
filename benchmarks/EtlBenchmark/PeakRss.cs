using System.Globalization;

namespace Governance.EtlBenchmark;

/// <summary>Peak resident memory of this process (Linux VmHWM), resettable between measurements.</summary>
internal static class PeakRss
{
    /// <summary>Resets the high-water mark (Linux: writing 5 to clear_refs); elsewhere the peak stays process-wide.</summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static long Read()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
            }
        }

        return Environment.WorkingSet;
    }
}
