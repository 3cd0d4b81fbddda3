namespace Governance.Warehouse.Catalogue;

/// <summary>One dated threshold value as the parameters file spells it.</summary>
public sealed record ParameterEntry(string Code, string? AreaCode, DateOnly ValidFrom, DateOnly? ValidTo, decimal Value, string Description);
