namespace Governance.Warehouse.Dimensions;

/// <summary>How an indicator aggregates over the areas inside the requested area.</summary>
public enum AreaAggregation
{
    /// <summary>Base values are summed over the units.</summary>
    Sum = 1,

    /// <summary>Numerator and denominator are summed separately, then divided (and scaled).</summary>
    Ratio = 2,

    /// <summary>The units whose base value meets a dated threshold are counted.</summary>
    CountMeetingThreshold = 3,

    /// <summary>Units meeting a threshold over units reporting (or expected), scaled: a share.</summary>
    ShareMeetingThreshold = 4,

    /// <summary>The base value summed, divided by the number of units reporting it.</summary>
    PerReportingUnit = 5,

    /// <summary>The base values averaged, weighted by another indicator's value in the same unit and period.</summary>
    WeightedAverage = 6,
}
