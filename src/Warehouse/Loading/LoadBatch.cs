namespace Governance.Warehouse.Loading;

/// <summary>One row per loaded file.</summary>
public sealed class LoadBatch
{
    public long LoadBatchId { get; set; }

    public LoadBatchKind Kind { get; set; }

    public required string FileName { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string FileSha256 { get; set; }

    public LoadBatchStatus Status { get; set; }

    public bool IsDryRun { get; set; }

    public int RowsRead { get; set; }

    public int RowsInserted { get; set; }

    public int RowsUpdated { get; set; }

    public int RowsUnchanged { get; set; }

    public int RowsRejected { get; set; }

    public int WarningCount { get; set; }

    public string? Message { get; set; }

    /// <summary>
    /// The longest common prefix of every area code the file named (read and rejected rows alike): a scoped key sees the
    /// batch when this starts with one of its scope's prefixes, i.e. when every area the file named lies inside the
    /// scope. Null when the file named no area (or for batches loaded before the column existed).
    /// </summary>
    public string? AreaCodePrefix { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }
}
