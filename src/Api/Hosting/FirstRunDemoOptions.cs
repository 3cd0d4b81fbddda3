using Governance.Etl.Demo;
using Governance.Warehouse;

namespace Governance.Api.Hosting;

/// <summary>Settings under <c>Demo</c>: whether an empty warehouse gets the demo county at start, and which county.</summary>
public sealed class FirstRunDemoOptions
{
    public const string Section = "Demo";

    /// <summary>Generate and load the demo county when the warehouse holds no facts.</summary>
    public bool LoadOnFirstRun { get; set; } = true;

    /// <summary>Where the generated files are written (and kept, to look at or load elsewhere); by default data/demo beside the warehouse.</summary>
    public string OutputDirectory { get; set; } = DefaultPaths.Resolve("data/demo");

    public int Seed { get; set; } = DemoOptions.DefaultSeed;

    public int Townships { get; set; } = 12;

    public int VillagesPerTownship { get; set; } = 16;

    public int FromYear { get; set; } = 2019;

    public int ToYear { get; set; } = 2024;

    public DemoOptions ToDemoOptions() => new(OutputDirectory, Seed, Townships, VillagesPerTownship, FromYear, ToYear);
}
