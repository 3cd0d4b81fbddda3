using System.Globalization;
using Governance.Etl.Validation;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using MathNet.Numerics.Statistics;

namespace Governance.Etl.Loading;

/// <summary>
/// After a load: per indicator, the robust z-score (median and MAD) of ln(value / value a year earlier) over this
/// batch's values whose area version has a positive value for the same period a year earlier. A value is a warning when
/// its |z| is beyond the threshold and the change is material: at least <see cref="LoadingOptions.OutlierMinimumRatio"/>
/// times the year before (or at most its reciprocal) and, for a count, at least
/// <see cref="LoadingOptions.OutlierMinimumAbsoluteChange"/> apart. When more than half the changes are equal (counts
/// that mostly stay put) the MAD is 0 and the mean absolute deviation stands in for it (1.2533 MeanAD, as in
/// Iglewicz and Hoaglin's modified z-score), so a tenfold jump among unchanged counts is still scored. (Only the same area version is compared: across a rename the pair is not formed, which keeps the join on
/// the fact table's primary key; <see cref="FactStaging.PreviousYearPairs"/> writes it the way each engine plans well.)
/// </summary>
internal static class OutlierDetector
{
    public const string Rule = "yoy_outlier";

    /// <summary>MAD of a normal distribution is 0.6745 sigma.</summary>
    private const double NormalConsistency = 0.6745;

    /// <summary>Mean absolute deviation of a normal distribution is 0.7979 sigma; 1 / 0.7979 = 1.2533.</summary>
    private const double MeanDeviationConsistency = 1.253314;

    /// <summary>Units of whole counts, where a change by a few is never material.</summary>
    private static readonly HashSet<string> CountUnits = new(["个", "人", "户", "条", "期", "次", "名", "家", "项", "处", "座", "所"], StringComparer.Ordinal);

    public static async Task<IReadOnlyList<LoadWarning>> DetectAsync(
        FactStaging staging, long batchId, IReadOnlyDictionary<int, Indicator> indicators, IReadOnlyDictionary<int, string> areaCodes, LoadingOptions options, CancellationToken cancellationToken)
    {
        await using var command = staging.Command(staging.PreviousYearPairs);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var warnings = new List<LoadWarning>();
        var pairs = new Pairs();
        var current = -1;
        var minimumLogRatio = Math.Log(options.OutlierMinimumRatio);
        var minimumChange = 0.0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var indicatorSk = reader.GetInt32(0);
            if (indicatorSk != current)
            {
                Score(current, pairs);
                (current, pairs) = (indicatorSk, new Pairs());
                minimumChange = CountUnits.Contains(indicators[indicatorSk].Unit) ? options.OutlierMinimumAbsoluteChange : 0;
            }

            var (value, previous) = (reader.GetDecimal(3), reader.GetDecimal(4));
            var change = Math.Log((double)value / (double)previous);
            var material = Math.Abs(change) >= minimumLogRatio - 1e-12 && Math.Abs((double)(value - previous)) >= minimumChange;
            pairs.Add(reader.GetInt32(1), reader.GetInt32(2), change, material ? (value, previous) : null);
        }

        Score(current, pairs);
        return warnings;

        void Score(int indicatorSk, Pairs batch)
        {
            if (batch.Count < options.OutlierMinimumPairs)
            {
                return;
            }

            // The same medians as MathNet's Median() (which sorts a copy): the changes are copied once, the deviations
            // are this method's own, so both are selected in place.
            var changes = batch.Changes.ToArray();
            var median = ArrayStatistics.MedianInplace(changes);
            var deviations = new double[batch.Count];
            for (var i = 0; i < deviations.Length; i++)
            {
                deviations[i] = Math.Abs(batch.Changes[i] - median);
            }

            var meanDeviation = deviations.Average();
            var mad = ArrayStatistics.MedianInplace(deviations);
            var scale = mad > 0 ? mad / NormalConsistency : MeanDeviationConsistency * meanDeviation;
            if (scale <= 0)
            {
                return; // every change the same: nothing stands out
            }

            var indicator = indicators[indicatorSk];
            foreach (var (index, (value, previous)) in batch.Material)
            {
                var z = (batch.Changes[index] - median) / scale;
                if (Math.Abs(z) > options.OutlierThreshold)
                {
                    var key = batch.Keys[index];
                    warnings.Add(Warning(batchId, indicator, areaCodes[(int)(key >> 32)], (int)key, value, previous, z));
                }
            }
        }
    }

    /// <summary>
    /// One indicator's pairs, 16 bytes each (a national file has 4.5 million): the change and the key; the values only of
    /// the pairs whose change is material, the only ones that can be warned about.
    /// </summary>
    private sealed class Pairs
    {
        public List<double> Changes { get; } = [];

        /// <summary>The area key in the high 32 bits, the period key in the low.</summary>
        public List<long> Keys { get; } = [];

        public List<(int Index, (decimal Value, decimal Previous) Values)> Material { get; } = [];

        public int Count => Changes.Count;

        public void Add(int areaSk, int periodSk, double change, (decimal, decimal)? values)
        {
            if (values is { } v)
            {
                Material.Add((Changes.Count, v));
            }

            Changes.Add(change);
            Keys.Add(((long)areaSk << 32) | (uint)periodSk);
        }
    }

    private static LoadWarning Warning(long batchId, Indicator indicator, string areaCode, int periodSk, decimal value, decimal previous, double z)
    {
        var period = PeriodSurrogateKey.Parse(periodSk);
        var change = ((double)(value / previous) - 1).ToString("P0", CultureInfo.InvariantCulture);
        return new LoadWarning
        {
            LoadBatchId = batchId,
            Rule = Rule,
            AreaCode = areaCode,
            PeriodKey = period.Value,
            IndicatorCode = indicator.IndicatorCode,
            Value = value,
            PreviousValue = previous,
            Score = Math.Round(z, 3),
            Message = $"{Describe.Indicator(indicator)} {areaCode} {period.Label}: {Messages.Number(previous)} → {Messages.Number(value)}（同比 {change}）变化异常，请核实 / "
                + $"year-over-year change {change} is extreme for this indicator (robust z {z:0.0}); please check",
        };
    }
}
