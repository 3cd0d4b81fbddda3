namespace Governance.Warehouse.Loading;

/// <summary>One row per rejected input row and rule: where it was, what it held, and why it was refused.</summary>
public sealed class LoadReject
{
    public long LoadRejectId { get; set; }

    public long LoadBatchId { get; set; }

    /// <summary>Sheet name for a workbook; null for CSV.</summary>
    public string? Sheet { get; set; }

    /// <summary>1-based line (CSV) or row (sheet) number.</summary>
    public int? LineNumber { get; set; }

    public string? ColumnName { get; set; }

    /// <summary>Machine-readable rule, e.g. <c>unknown_area</c>, <c>value_not_a_number</c>.</summary>
    public required string Rule { get; set; }

    public string? RawValue { get; set; }

    public required string Message { get; set; }
}
