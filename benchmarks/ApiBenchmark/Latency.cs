using System.Diagnostics;

namespace Governance.ApiBenchmark;

/// <summary>Times repeated runs of one operation and reports its median and 95th percentile in milliseconds.</summary>
internal static class Latency
{
    public static async Task<(double P50, double P95)> MeasureAsync(Func<Task> operation, int warmup, int iterations)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var timings = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await operation();
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }

        Array.Sort(timings);
        return (Percentile(timings, 0.50), Percentile(timings, 0.95));
    }

    /// <summary>Linear interpolation between closest ranks over sorted values.</summary>
    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((rank - low) * (sorted[high] - sorted[low]));
    }
}
