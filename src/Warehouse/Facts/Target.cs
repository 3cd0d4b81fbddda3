namespace Governance.Warehouse.Facts;

/// <summary>One row per area, indicator and period: the value the area is to reach (目标值).</summary>
public sealed class Target
{
    public int AreaSk { get; set; }

    public int IndicatorSk { get; set; }

    public int PeriodSk { get; set; }

    public decimal TargetValue { get; set; }

    public long LoadBatchId { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
