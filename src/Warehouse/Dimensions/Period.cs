namespace Governance.Warehouse.Dimensions;

/// <summary>One row per year, quarter and month, keyed <c>2023</c>, <c>2023Q2</c>, <c>202305</c>.</summary>
public sealed class Period
{
    public int PeriodSk { get; set; }

    public required string PeriodKey { get; set; }

    public PeriodGrain Grain { get; set; }

    public int Year { get; set; }

    /// <summary>1-4; null for a year.</summary>
    public int? Quarter { get; set; }

    /// <summary>1-12; null for a year or a quarter.</summary>
    public int? Month { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>Key of the enclosing period (the quarter of a month, the year of a quarter); null for a year.</summary>
    public string? ParentKey { get; set; }

    /// <summary>Key of the enclosing year (itself for a year).</summary>
    public required string YearKey { get; set; }

    /// <summary>Key of the enclosing quarter (itself for a quarter, null for a year).</summary>
    public string? QuarterKey { get; set; }

    /// <summary>Label in Chinese, e.g. 2023年第二季度.</summary>
    public required string Label { get; set; }
}
