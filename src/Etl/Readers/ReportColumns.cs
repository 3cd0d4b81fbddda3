namespace Governance.Etl.Readers;

/// <summary>Headers of the area, period and indicator a value was read with (the period is "--period" when it came from the command line).</summary>
public sealed record ReportColumns(string Area, string Period, string Indicator);
