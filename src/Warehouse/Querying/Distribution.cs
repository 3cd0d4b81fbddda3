using MathNet.Numerics.Statistics;
using static System.FormattableString;

namespace Governance.Warehouse.Querying;

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
        var bands = BandsOf(breaks, zeroBand)
            .Select(b => b with { Count = values.Count(v => b.Contains(v) && !(zeroBand && !b.IsZero && v == 0)) })
            .ToList();
        if (values.Count == 0)
        {
            return new Distribution(0, null, null, null, null, null, null, null, null, null, null, bands);
        }

        var sorted = values.Order().ToArray();
        double Quantile(double tau) => SortedArrayStatistics.QuantileCustom(sorted, tau, QuantileDefinition.R7);
        var mean = sorted.Mean(); // summed in order: the same answer whatever order the database returned the values in
        return new Distribution(
            values.Count,
            mean,
            values.Count > 1 ? sorted.StandardDeviation() : null,
            sorted[0],
            Quantile(0.1),
            Quantile(0.25),
            Quantile(0.5),
            Quantile(0.75),
            Quantile(0.9),
            sorted[^1],
            GiniOf(sorted, mean),
            bands);
    }

    /// <summary>Mean absolute difference over twice the mean: sum over ordered pairs of |xi - xj| / (2 n² mean).</summary>
    public static double? GiniOf(IReadOnlyList<double> values, double mean)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || mean == 0)
        {
            return null;
        }

        // Sorted, the pair sum is sum of (2i - n + 1) x(i) over i, twice for ordered pairs: O(n log n), not O(n²).
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        var pairSum = 2 * sorted.Select((x, i) => ((2.0 * i) - n + 1) * x).Sum();
        return pairSum / (2.0 * n * n * mean);
    }

    private static IEnumerable<Band> BandsOf(IReadOnlyList<double> breaks, bool zeroBand)
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
