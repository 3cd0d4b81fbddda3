namespace Governance.Etl.Demo;

/// <summary>One file the demo wrote: its path, its loader, how many data rows and values it holds.</summary>
public sealed record DemoFile(string Path, DemoFileKind Kind, int Rows, int Values);
