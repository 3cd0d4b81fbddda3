using System.Globalization;
using Governance.Etl.Validation;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Loading;
using MathNet.Numerics.Statistics;

namespace Governance.Etl.Loading;

/// <summary>
/// After a load: per indicator, the robust z-score (median and MAD) of ln(value / value a year earlier) over this
/// batch's values whose area version has a positive value for the same period a year earlier; beyond the threshold is
/// a warning. (Only the same area version is compared: across a rename the pair is not formed, which keeps the join on
/// the fact table's primary key; <see cref="FactStaging.PreviousYearPairs"/> writes it the way each engine plans well.)
/// </summary>
internal static class OutlierDetector
{
    public const string Rule = "yoy_outlier";

    /// <summary>MAD of a normal distribution is 0.6745 sigma.</summary>
    private const double NormalConsistency = 0.6745;

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
            var mad = changes.Select(c => Math.Abs(c - median)).Median();
            if (mad <= 0)
            {
                return;
            }

            var indicator = indicators[indicatorSk];
            for (var i = 0; i < batch.Count; i++)
            {
                var z = NormalConsistency * (changes[i] - median) / mad;
                if (Math.Abs(z) > options.OutlierThreshold)
                {
                    warnings.Add(Warning(batchId, indicator, areaCodes[batch[i].AreaSk], batch[i].PeriodSk, batch[i].Value, batch[i].Previous, z));
                }
            }
        }
    }

    private static LoadWarning Warning(long batchId, Indicator indicator, string areaCode, int periodSk, decimal value, decimal previous, double z)
    {
        var period = PeriodSks.Key(periodSk);
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
