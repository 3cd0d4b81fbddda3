namespace Governance.Warehouse.Dimensions;

/// <summary>
/// One row per value of a dated threshold (weak-village line, shell-village line), valid from a date, for every area or
/// for the areas under <see cref="AreaCode"/> (a province setting its own).
/// </summary>
public sealed class ThresholdParameter
{
    public int ThresholdParameterSk { get; set; }

    public required string ParameterCode { get; set; }

    /// <summary>Null: everywhere; otherwise the area (and everything under it) the value applies to.</summary>
    public string? AreaCode { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day of validity (inclusive); null while in force.</summary>
    public DateOnly? ValidTo { get; set; }

    public decimal Value { get; set; }

    public required string Description { get; set; }
}
