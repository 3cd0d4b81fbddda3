namespace Governance.Warehouse.Dimensions;

/// <summary>One row per version of an administrative area (type 2: a rename or re-classification opens a new version).</summary>
public sealed class Area
{
    public int AreaSk { get; set; }

    public required string AreaCode { get; set; }

    public required string Name { get; set; }

    public AreaLevel Level { get; set; }

    public AreaKind Kind { get; set; }

    public string? ParentCode { get; set; }

    /// <summary>城乡分类代码 (111, 112, 121, 122, 123, 210, 220), when known.</summary>
    public string? UrbanRuralClass { get; set; }

    public DateOnly ValidFrom { get; set; }

    /// <summary>Last day of validity (inclusive); null while the version is open.</summary>
    public DateOnly? ValidTo { get; set; }

    public bool IsCurrent { get; set; }

    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>True when this version is valid on some day of [start, end].</summary>
    public bool OverlapsPeriod(DateOnly start, DateOnly end) => ValidFrom <= end && (ValidTo is null || ValidTo >= start);
}
