namespace Governance.Warehouse.Dimensions;

/// <summary>One row per base or derived indicator of the catalogue (seeded from <c>Catalogue/indicators.json</c>).</summary>
public sealed class Indicator
{
    public int IndicatorSk { get; set; }

    public required string IndicatorCode { get; set; }

    public required string NameZh { get; set; }

    public required string NameEn { get; set; }

    public required string Unit { get; set; }

    public required string Category { get; set; }

    public required string Definition { get; set; }

    public bool IsDerived { get; set; }

    /// <summary>Who reports it; for a derived indicator, the units it counts or is based on.</summary>
    public CaptureLevel CaptureLevel { get; set; }

    public PeriodGrain NativeGrain { get; set; }

    /// <summary>Null for derived indicators, whose time rule comes from their inputs.</summary>
    public TimeAggregation? TimeAggregation { get; set; }

    public AreaAggregation AreaAggregation { get; set; }

    /// <summary>Ratio numerator, threshold base, weighted value or per-unit base.</summary>
    public string? NumeratorCode { get; set; }

    /// <summary>Ratio denominator.</summary>
    public string? DenominatorCode { get; set; }

    /// <summary>Weight of a weighted average.</summary>
    public string? WeightCode { get; set; }

    /// <summary>Code of the dated threshold parameter of a conditional count.</summary>
    public string? ThresholdParameter { get; set; }

    public ThresholdComparison? ThresholdComparison { get; set; }

    /// <summary>Multiplier after division (100 for a percentage).</summary>
    public decimal Scale { get; set; } = 1m;

    /// <summary>For a ratio whose numerator is a flow: sum it from the start of the year (year to date).</summary>
    public bool NumeratorYearToDate { get; set; }

    /// <summary>For a share: divide by the units expected to report instead of those that reported.</summary>
    public bool DenominatorIsExpectedUnits { get; set; }

    /// <summary>Smallest valid value (0 for counts and money that cannot be negative).</summary>
    public decimal? MinValue { get; set; }

    /// <summary>Largest valid value (1 for 0/1 flags, 100 for scores).</summary>
    public decimal? MaxValue { get; set; }

    /// <summary>A 0/1 flag: only 0 and 1 are valid.</summary>
    public bool IsFlag { get; set; }

    /// <summary>The indicator this one is a part of, in the same unit and period (compounds with a branch are part of compounds).</summary>
    public string? PartOfCode { get; set; }

    public int SortOrder { get; set; }
}
