namespace Governance.Etl.Demo;

/// <summary>A problem planted in the dirty file: where it is and what the load should say about it.</summary>
public sealed record DemoProblem(int Line, string Column, DemoProblemKind Kind, string RawValue);
