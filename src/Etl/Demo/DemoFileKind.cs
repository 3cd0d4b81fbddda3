namespace Governance.Etl.Demo;

/// <summary>Which loader a demo file is meant for.</summary>
public enum DemoFileKind
{
    Areas = 1,
    Values = 2,
    Targets = 3,

    /// <summary>The deliberately dirty report the load must reject.</summary>
    Dirty = 4,
}
