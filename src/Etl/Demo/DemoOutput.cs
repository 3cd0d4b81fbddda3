namespace Governance.Etl.Demo;

/// <summary>What <see cref="DemoWriter"/> wrote: the files in the order they load, and the problems planted in the dirty one.</summary>
public sealed record DemoOutput(DemoData Data, IReadOnlyList<DemoFile> Files, IReadOnlyList<DemoProblem> Problems)
{
    public IEnumerable<DemoFile> OfKind(DemoFileKind kind) => Files.Where(f => f.Kind == kind);
}
