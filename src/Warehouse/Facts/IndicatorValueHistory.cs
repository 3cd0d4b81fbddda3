namespace Governance.Warehouse.Facts;

/// <summary>One row per superseded value: what an area, period and indicator held before a later batch restated it.</summary>
public sealed class IndicatorValueHistory
{
    public long IndicatorValueHistoryId { get; set; }

    public int AreaSk { get; set; }

    public int PeriodSk { get; set; }

    public int IndicatorSk { get; set; }

    public decimal Value { get; set; }

    public ValueStatus Status { get; set; }

    public string? Note { get; set; }

    /// <summary>The batch that wrote the superseded value.</summary>
    public long LoadBatchId { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>The batch that replaced it.</summary>
    public long SupersededByBatchId { get; set; }

    public DateTimeOffset SupersededAt { get; set; }
}
