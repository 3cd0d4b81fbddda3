namespace Governance.Warehouse.Loading;

/// <summary>One row per flagged value (an extreme year-over-year change) or mismatched name and code; a warning, not a reject.</summary>
public sealed class LoadWarning
{
    public long LoadWarningId { get; set; }

    public long LoadBatchId { get; set; }

    public required string Rule { get; set; }

    public required string AreaCode { get; set; }

    public required string PeriodKey { get; set; }

    public required string IndicatorCode { get; set; }

    public decimal? Value { get; set; }

    public decimal? PreviousValue { get; set; }

    /// <summary>Robust z-score of the change, when the rule computes one.</summary>
    public double? Score { get; set; }

    public required string Message { get; set; }
}
