using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Querying;

/// <summary>
/// An area's target (目标值) against its actual value in a period. <see cref="Gap"/> is how far the actual falls short in
/// the indicator's good direction (positive: behind; zero or negative: met).
/// </summary>
public sealed record Attainment(string AreaCode, string IndicatorCode, PeriodKey Period, double Target, double? Actual, bool LowerIsBetter, GrowthTrend Trend)
{
    /// <summary>The area the target is set for.</summary>
    public Area? Area { get; init; }

    public bool? Met => Actual is { } actual ? (LowerIsBetter ? actual <= Target : actual >= Target) : null;

    public double? Gap => Actual is { } actual ? (LowerIsBetter ? actual - Target : Target - actual) : null;

    /// <summary>The year the trend of the last five years meets the target: the period's own year when already met; null when it never does.</summary>
    public int? ProjectedYear => Met == true ? Period.Year : Trend.ProjectedYear(Target, LowerIsBetter);

    /// <summary>Counts and shares of units below a threshold (weak, shell villages) are better lower.</summary>
    public static bool IsLowerBetter(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.AreaAggregation is AreaAggregation.CountMeetingThreshold or AreaAggregation.ShareMeetingThreshold
            && indicator.ThresholdComparison is ThresholdComparison.LessThan or ThresholdComparison.LessThanOrEqual;
    }
}
