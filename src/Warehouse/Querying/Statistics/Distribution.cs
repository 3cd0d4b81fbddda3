using MathNet.Numerics.Statistics;
using static System.FormattableString;

namespace Governance.Warehouse.Querying.Statistics;

/// <summary>Statistics of one value per unit: moments, R-7 quantiles (Excel's PERCENTILE.INC), Gini and band counts.</summary>
public sealed record Distribution(
    int Count,
    double? Mean,
    double? StdDev,
    double? Min,
    double? P10,
    double? Q1,
    double? Median,
    double? Q3,
    double? P90,
    double? Max,
    double? Gini,
    IReadOnlyList<Band> Bands)
{
    /// <summary>Computes the statistics; <paramref name="breaks"/> cut the bands, and a zero band (no income) comes first when asked for.</summary>
    public static Distribution Of(IReadOnlyList<double> values, IReadOnlyList<double> breaks, bool zeroBand)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(breaks);

        // One sort serves everything: quantiles, Gini, and band counts by binary search (the same answer whatever order
        // the database returned the values in; the mean is summed in that order too).
        var sorted = values.ToArray();
        Array.Sort(sorted);
        var bands = BandsOf(breaks, zeroBand).Select(b => b with { Count = CountIn(sorted, b, zeroBand) }).ToList();
        if (sorted.Length == 0)
        {
            return new Distribution(0, null, null, null, null, null, null, null, null, null, null, bands);
        }

        double Quantile(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        var mean = ArrayStatistics.Mean(sorted);
        return new Distribution(
            sorted.Length,
            mean,
            sorted.Length > 1 ? ArrayStatistics.StandardDeviation(sorted) : null,
            sorted[0],
            Quantile(0.1),
            Quantile(0.25),
            Quantile(0.5),
            Quantile(0.75),
            Quantile(0.9),
            sorted[^1],
            GiniOfSorted(sorted, mean),
            bands);
    }

    /// <summary>Mean absolute difference over twice the mean: sum over ordered pairs of |xi - xj| / (2 n² mean).</summary>
    public static double? GiniOf(IReadOnlyList<double> values, double mean)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return GiniOfSorted(sorted, mean);
    }

    /// <summary>Sorted, the pair sum is sum of (2i - n + 1) x(i) over i, twice for ordered pairs: O(n), not O(n²).</summary>
    private static double? GiniOfSorted(double[] sorted, double mean)
    {
        var n = sorted.Length;
        if (n == 0 || mean == 0)
        {
            return null;
        }

        var pairSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            pairSum += ((2.0 * i) - n + 1) * sorted[i];
        }

        return 2 * pairSum / (2.0 * n * n * mean);
    }

    /// <summary>Values in [lower, upper), found by binary search; with a zero band, a 0 counts there and in no other band.</summary>
    private static int CountIn(double[] sorted, Band band, bool zeroBand)
    {
        if (band.IsZero)
        {
            return LowerBound(sorted, double.BitIncrement(0)) - LowerBound(sorted, 0);
        }

        var from = band.Lower is { } lower ? LowerBound(sorted, lower) : 0;
        var to = band.Upper is { } upper ? LowerBound(sorted, upper) : sorted.Length;
        var zeros = zeroBand && (band.Lower ?? double.NegativeInfinity) <= 0 && (band.Upper ?? double.PositiveInfinity) > 0
            ? LowerBound(sorted, double.BitIncrement(0)) - LowerBound(sorted, 0)
            : 0;
        return Math.Max(0, to - from) - zeros;
    }

    /// <summary>The index of the first value not below <paramref name="value"/>.</summary>
    private static int LowerBound(double[] sorted, double value)
    {
        var (low, high) = (0, sorted.Length);
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            (low, high) = sorted[middle] < value ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    internal static IEnumerable<Band> BandsOf(IReadOnlyList<double> breaks, bool zeroBand)
    {
        var cuts = breaks.Distinct().Order().ToList();
        if (zeroBand)
        {
            yield return new Band("none", 0, 0, 0, IsZero: true);
        }

        double? lower = null;
        foreach (var cut in cuts)
        {
            yield return new Band(lower is { } l ? Invariant($"[{l:G}, {cut:G})") : Invariant($"< {cut:G}"), lower, cut, 0);
            lower = cut;
        }

        yield return new Band(lower is { } last ? Invariant($">= {last:G}") : "all", lower, null, 0);
    }
}
