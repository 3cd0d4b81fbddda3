namespace Governance.Etl.Demo;

/// <summary>The kinds of problem the dirty demo file carries, one of each.</summary>
public enum DemoProblemKind
{
    UnknownArea = 1,
    NotANumber = 2,
    NegativeCount = 3,
    FlagNotZeroOrOne = 4,
    ConflictingDuplicate = 5,
    PartAboveWhole = 6,
}
