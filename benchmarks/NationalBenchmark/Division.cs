namespace Governance.NationalBenchmark;

/// <summary>One real division of the 2022 list (统计用区划代码): its 12-digit code, name and the code of its parent.</summary>
internal sealed record Division(string Code, string Name, string? ParentCode);
