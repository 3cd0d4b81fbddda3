namespace Governance.Etl;

/// <summary>Process exit codes of the <c>governance</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Everything loaded or skipped.</summary>
    public const int Success = 0;

    /// <summary>At least one file was rejected.</summary>
    public const int Rejected = 1;

    /// <summary>Usage or configuration error.</summary>
    public const int UsageOrConfiguration = 2;
}
