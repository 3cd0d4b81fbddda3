namespace Governance.Etl;

/// <summary>Process exit codes of the <c>governance</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Everything loaded or skipped.</summary>
    public const int Success = 0;

    /// <summary>At least one file was rejected.</summary>
    public const int Rejected = 1;

    /// <summary>Usage or configuration error, or a server warehouse that is not migrated.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>The command failed for another reason (the database could not be reached, a bug): one line on stderr, the details in a log file it names.</summary>
    public const int Failed = 3;
}
