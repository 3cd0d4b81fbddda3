namespace Governance.Warehouse.Security;

/// <summary>
/// One row per caller and minute: the requests the API instances on this warehouse have been granted for that caller in
/// that minute (<c>Api:Limits:RequestsPerMinute</c> shared by every instance). Written on the primary only, by
/// <see cref="RequestCountStore"/>; rows of past minutes are deleted.
/// </summary>
public sealed class RequestCount
{
    /// <summary>The caller as the API tells it apart before authentication: <c>key:</c>, <c>token:</c> (hashes) or <c>address:</c>.</summary>
    public required string Caller { get; set; }

    /// <summary>The minute's start in seconds since 1970-01-01 UTC (a multiple of 60).</summary>
    public long WindowStartEpoch { get; set; }

    /// <summary>Requests granted to the instances in that minute; an instance may hold some of them unused (its lease).</summary>
    public long Granted { get; set; }
}
