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
        var pairs = new List<(int AreaSk, int PeriodSk, decimal Value, decimal Previous)>();
        var current = -1;
        while (await reader.ReadAsync(cancellationToken))
        {
            var indicatorSk = reader.GetInt32(0);
            if (indicatorSk != current)
            {
                Score(current, pairs);
                (current, pairs) = (indicatorSk, []);
            }

            pairs.Add((reader.GetInt32(1), reader.GetInt32(2), reader.GetDecimal(3), reader.GetDecimal(4)));
        }

        Score(current, pairs);
        return warnings;

        void Score(int indicatorSk, List<(int AreaSk, int PeriodSk, decimal Value, decimal Previous)> batch)
        {
            if (batch.Count < options.OutlierMinimumPairs)
            {
                return;
            }

            var changes = batch.Select(p => Math.Log((double)p.Value / (double)p.Previous)).ToArray();
            var median = changes.Median();
            var deviations = changes.Select(c => Math.Abs(c - median)).ToArray();
            var mad = deviations.Median();
            var scale = mad > 0 ? mad / NormalConsistency : MeanDeviationConsistency * deviations.Average();
            if (scale <= 0)
            {
                return; // every change the same: nothing stands out
            }

            var indicator = indicators[indicatorSk];
            var minimumLogRatio = Math.Log(options.OutlierMinimumRatio);
            var minimumChange = CountUnits.Contains(indicator.Unit) ? options.OutlierMinimumAbsoluteChange : 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var z = (changes[i] - median) / scale;
                if (Math.Abs(z) > options.OutlierThreshold && Math.Abs(changes[i]) >= minimumLogRatio - 1e-12
                    && Math.Abs((double)(batch[i].Value - batch[i].Previous)) >= minimumChange)
                {
                    warnings.Add(Warning(batchId, indicator, areaCodes[batch[i].AreaSk], batch[i].PeriodSk, batch[i].Value, batch[i].Previous, z));
                }
            }
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
