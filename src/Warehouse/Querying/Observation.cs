using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Querying;

/// <summary>One aggregated value: an indicator for an area in a period, with its parts, completeness and growth.</summary>
public sealed record Observation(
    string AreaCode,
    PeriodKey Period,
    string IndicatorCode,
    double? Value,
    double? Numerator,
    double? Denominator,
    int ReportingUnits,
    int ExpectedUnits)
{
    /// <summary>The value of the previous period (the previous quarter, month or year).</summary>
    public double? PreviousValue { get; init; }

    /// <summary>Growth against the previous period; null when that base is missing or zero.</summary>
    public double? PeriodGrowth { get; init; }

    /// <summary>Growth against the same period a year earlier; null when that base is missing or zero.</summary>
    public double? YoyGrowth { get; init; }
}
