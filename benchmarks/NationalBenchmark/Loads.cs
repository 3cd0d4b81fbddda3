namespace Governance.NationalBenchmark;

/// <summary>The three loads of one warehouse: the area list, then the income and the compound values.</summary>
internal sealed record Loads(CommandRun Areas, CommandRun Income, CommandRun Compounds);
