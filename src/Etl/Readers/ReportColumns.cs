namespace Governance.Etl.Readers;

/// <summary>
/// Headers of the area, period and indicator a value was read with (the period is "--period" when it came from the
/// command line), and of the name column when there is one.
/// </summary>
public sealed record ReportColumns(string Area, string Period, string Indicator, string? Name = null);
