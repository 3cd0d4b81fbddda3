using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>One aggregated value: an indicator for an area in a period, with its parts, completeness, growth and change.</summary>
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
    /// <summary>The row's area (its latest version); null only when the code has no row in dim_area.</summary>
    public Area? Area { get; init; }

    /// <summary>The indicator of the row.</summary>
    public Indicator? Indicator { get; init; }

    /// <summary>The value of the previous period (the previous quarter, month or year).</summary>
    public double? PreviousValue { get; init; }

    /// <summary>Growth against the previous period; null when that base is missing or zero.</summary>
    public double? PeriodGrowth { get; init; }

    /// <summary>Growth against the same period a year earlier; null when that base is missing or zero.</summary>
    public double? YoyGrowth { get; init; }

    /// <summary>Value minus the previous period's, in the indicator's unit (points for a %); null when either is missing.</summary>
    public double? Change { get; init; }

    /// <summary>Value minus that of the same period a year earlier, in the indicator's unit; null when either is missing.</summary>
    public double? YoyChange { get; init; }
}
