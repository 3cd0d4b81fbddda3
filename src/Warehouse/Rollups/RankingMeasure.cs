namespace Governance.Warehouse.Rollups;

/// <summary>What a kept ranking (<see cref="RankingRollup"/>) orders the units by.</summary>
public enum RankingMeasure
{
    /// <summary>The unit's value in the period.</summary>
    Value = 1,

    /// <summary>
    /// The unit's growth on the same period a year earlier (<see cref="Querying.Statistics.PeriodMath.Growth"/>): units whose base
    /// is missing or zero have none and are not ranked.
    /// </summary>
    YoyGrowth = 2,
}
