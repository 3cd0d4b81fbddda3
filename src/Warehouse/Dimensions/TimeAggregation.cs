namespace Governance.Warehouse.Dimensions;

/// <summary>How a base indicator aggregates over time.</summary>
public enum TimeAggregation
{
    /// <summary>Flow: a longer period is the sum of its parts (income, sessions held).</summary>
    Sum = 1,

    /// <summary>Stock: a longer period takes each unit's last reported value in it (members, grids).</summary>
    Last = 2,
}
