using Governance.Warehouse.Loading;

namespace Governance.Etl.Loading;

/// <summary>What became of one file.</summary>
/// <param name="LoadBatchId">The etl_load_batch row; null when the file could not even be opened.</param>
/// <param name="FileName">Full path of the file (the batch records its name alone).</param>
/// <param name="Status">Loaded, Rejected (whole file, nothing written), DryRun, Skipped (same SHA-256 already loaded) or Failed.</param>
/// <param name="RowsRead">Data rows of the file (header, title and blank rows not counted).</param>
/// <param name="Inserted">Values (areas, targets) new to the warehouse.</param>
/// <param name="Updated">Values that replaced a different earlier one (the old one is in history).</param>
/// <param name="Unchanged">Values equal to what the warehouse already held.</param>
/// <param name="Rejected">Reject records (etl_reject rows).</param>
/// <param name="Warnings">Warnings (etl_warning rows): outliers, and names that do not match the area's.</param>
/// <param name="Rejects">The first <see cref="MaxRejectsReported"/> rejects; all of them are in etl_reject.</param>
/// <param name="Message">What happened, in Chinese and English, when there is more to say than the counts.</param>
/// <param name="ValidValues">
/// Indicator reports: the values that passed every rule, which the load wrote, a dry run would write, or
/// <c>--skip-invalid-rows</c> would write from a file rejected whole; null for other files and when no check ran.
/// </param>
public sealed record LoadResult(
    long? LoadBatchId,
    string FileName,
    LoadBatchStatus Status,
    int RowsRead,
    int Inserted,
    int Updated,
    int Unchanged,
    int Rejected,
    int Warnings,
    IReadOnlyList<RejectSummary> Rejects,
    string? Message = null,
    int? ValidValues = null)
{
    public const int MaxRejectsReported = 1000;

    /// <summary>True when the file loaded, was skipped as already loaded, or passed a dry run without rejects.</summary>
    public bool Succeeded => Status switch
    {
        LoadBatchStatus.Loaded or LoadBatchStatus.Skipped => true,
        LoadBatchStatus.DryRun => Rejected == 0,
        _ => false,
    };
}
