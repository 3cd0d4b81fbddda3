namespace Governance.Warehouse.Querying.Planning;

/// <summary>Where a distribution's values come from (<see cref="SourcePlanner.ValuesFor"/>).</summary>
internal enum DistributionPath
{
    /// <summary>The default distribution kept by the ETL (agg_distribution); the area values when it holds no row for the pair.</summary>
    Precomputed,

    /// <summary>The value of each area of a summed plan, from the plan's source.</summary>
    AreaValues,

    /// <summary>Every group evaluated by the indicator's rule (ratios, shares, averages).</summary>
    Evaluated,
}
