using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>One row of the demo's <c>areas.csv</c>: an area with its validity and the codes it replaces.</summary>
public sealed record DemoArea(string Code, string Name, string? UrbanRural, DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<string> Replaces)
{
    public AreaKind Kind => AreaCode.Parse(Code).Kind;

    public AreaLevel Level => AreaCode.Parse(Code).Level;

    public string ParentCode => AreaCode.Parse(Code).ParentCode!;

    public bool IsValidIn(int year) => ValidFrom.Year <= year && (ValidTo is null || ValidTo.Value.Year >= year);
}
