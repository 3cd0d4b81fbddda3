namespace Governance.Warehouse.Rollups;

/// <summary>
/// A row of <c>agg_distribution</c>: the default distribution (<see cref="Querying.Statistics.Distribution"/> with the indicator's
/// default bands) of a summed indicator's unit values in one period at its native grain, over the units whose codes
/// start with <see cref="Prefix"/> ("" for the nation, 2, 4, 6 or 9 digits for a province, prefecture, county or
/// township). Kept by the ETL in the load's transaction (<see cref="DistributionRollups"/>); the nation's row of an
/// (indicator, period) is there exactly when the facts of that pair have been rolled up.
/// </summary>
public sealed class DistributionRollup
{
    public const string Table = "agg_distribution";

    public int IndicatorSk { get; set; }

    public int PeriodSk { get; set; }

    public string Prefix { get; set; } = string.Empty;

    public int Count { get; set; }

    public double? Mean { get; set; }

    public double? StdDev { get; set; }

    public double? Min { get; set; }

    public double? P10 { get; set; }

    public double? Q1 { get; set; }

    public double? Median { get; set; }

    public double? Q3 { get; set; }

    public double? P90 { get; set; }

    public double? Max { get; set; }

    public double? Gini { get; set; }

    /// <summary>The count of each default band, in band order, comma-separated.</summary>
    public string BandCounts { get; set; } = string.Empty;
}
