using Governance.Warehouse.Querying.Statistics;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>The yearly series of one area and its growth.</summary>
public sealed record AreaGrowth(string AreaCode, string IndicatorCode, GrowthTrend Trend)
{
    public Dimensions.Area? Area { get; init; }
}
