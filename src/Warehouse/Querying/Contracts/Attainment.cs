using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Statistics;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>
/// An area's target (目标值) against its actual value: the value of the target's period, or, for a target ahead of the
/// data, the latest year before it (<see cref="ActualPeriod"/>). <see cref="Gap"/> is how far the actual falls short in
/// the indicator's good direction (positive: behind; zero or negative: met).
/// </summary>
public sealed record Attainment(string AreaCode, string IndicatorCode, PeriodKey Period, double Target, double? Actual, bool LowerIsBetter, GrowthTrend Trend)
{
    /// <summary>The area the target is set for.</summary>
    public Area? Area { get; init; }

    /// <summary>The period the actual value is from; null without one.</summary>
    public PeriodKey? ActualPeriod { get; init; }

    /// <summary>True when the target is met, or the trend meets it by the target's year; false when it meets it later or never.</summary>
    public bool OnSchedule => Met == true || (ProjectedYear is { } year && year <= Period.Year);

    public bool? Met => Actual is { } actual ? (LowerIsBetter ? actual <= Target : actual >= Target) : null;

    public double? Gap => Actual is { } actual ? (LowerIsBetter ? actual - Target : Target - actual) : null;

    /// <summary>The year the trend of the last five years meets the target: the period's own year when already met; null when it never does.</summary>
    public int? ProjectedYear => Met == true ? ActualPeriod?.Year ?? Period.Year : Trend.ProjectedYear(Target, LowerIsBetter);

    /// <summary>Counts and shares of units below a threshold (weak, shell villages) are better lower.</summary>
    public static bool IsLowerBetter(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.AreaAggregation is AreaAggregation.CountMeetingThreshold or AreaAggregation.ShareMeetingThreshold
            && indicator.ThresholdComparison is ThresholdComparison.LessThan or ThresholdComparison.LessThanOrEqual;
    }
}
