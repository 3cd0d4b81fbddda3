namespace Governance.Etl.Loading;

/// <summary>How a file is loaded.</summary>
/// <param name="DryRun">Validate and report; write no facts (the batch is recorded with status DryRun and its rejects).</param>
/// <param name="SkipInvalidRows">Load the valid rows of a file that has rejected rows, instead of rejecting it whole.</param>
/// <param name="PeriodOverride">The period of every row of a file without a period column (any spelling PeriodKey accepts).</param>
/// <param name="Progress">Receives the rows read so far, every few thousand rows and at the end.</param>
public sealed record LoadOptions(
    bool DryRun = false,
    bool SkipInvalidRows = false,
    string? PeriodOverride = null,
    IProgress<LoadProgress>? Progress = null)
{
    public static LoadOptions Default { get; } = new();
}
