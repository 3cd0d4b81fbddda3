namespace Governance.Warehouse.Facts;

/// <summary>One row per area, period and indicator.</summary>
public sealed class IndicatorValue
{
    public int AreaSk { get; set; }

    public int PeriodSk { get; set; }

    public int IndicatorSk { get; set; }

    public decimal Value { get; set; }

    public ValueStatus Status { get; set; } = ValueStatus.Reported;

    public string? Note { get; set; }

    public long LoadBatchId { get; set; }

    public DateTimeOffset LoadedAt { get; set; }
}
