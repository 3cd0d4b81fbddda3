namespace Governance.Warehouse.Rollups;

/// <summary>
/// A row of <c>agg_ranking</c>: one unit's place among the units whose codes start with <see cref="Prefix"/> ("" for the
/// nation, 2 or 4 digits for a province or prefecture) for a summed village-level indicator in one period at its native
/// grain: the first <see cref="RankingRollups.Depth"/> units by <see cref="Measure"/> in each direction, ties broken by
/// code as the fact path breaks them. One row per indicator, period, area, measure, direction and rank. Kept by the ETL
/// in the load's transaction (<see cref="RankingRollups"/>); the nation's value ranking of an (indicator, period) is
/// there exactly when that pair has been ranked.
/// </summary>
public sealed class RankingRollup
{
    public const string Table = "agg_ranking";

    public int IndicatorSk { get; set; }

    public int PeriodSk { get; set; }

    public string Prefix { get; set; } = string.Empty;

    public RankingMeasure Measure { get; set; }

    /// <summary>Largest first (a top N) or smallest first (a bottom N).</summary>
    public bool IsDescending { get; set; }

    /// <summary>1 for the first unit in the direction.</summary>
    public int Rank { get; set; }

    /// <summary>The unit's 12-digit code.</summary>
    public string AreaCode { get; set; } = string.Empty;

    /// <summary>The unit's value or growth: what it is ranked by.</summary>
    public double SortValue { get; set; }

    /// <summary>The units with a value inside the area in the period, ranked or not: an observation page's total count.</summary>
    public int AreaUnitCount { get; set; }
}
