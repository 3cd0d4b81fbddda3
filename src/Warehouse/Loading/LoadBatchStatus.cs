namespace Governance.Warehouse.Loading;

/// <summary>State of a load batch.</summary>
public enum LoadBatchStatus
{
    /// <summary>Started and not finished: a batch left in this state by a killed process is resumed or failed by the next run.</summary>
    Running = 1,

    /// <summary>Every row (or every valid row, with skip-invalid-rows) is in the warehouse.</summary>
    Loaded = 2,

    /// <summary>Rejected whole: nothing was written but the batch and its rejects.</summary>
    Rejected = 3,

    /// <summary>Validated without writing (dry run).</summary>
    DryRun = 4,

    /// <summary>Stopped by an error that was not the file's fault.</summary>
    Failed = 5,

    /// <summary>The same file (same SHA-256) was already loaded.</summary>
    Skipped = 6,
}
