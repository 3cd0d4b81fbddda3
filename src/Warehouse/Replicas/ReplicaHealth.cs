namespace Governance.Warehouse.Replicas;

/// <summary>
/// A standby's state at its last check: whether reads may go to it, and if not why; its lag behind the primary (seconds)
/// and the warehouse version it has replayed.
/// </summary>
public sealed record ReplicaHealth(bool Usable, string? Problem, double? LagSeconds, long? ReplayedVersion, DateTimeOffset? CheckedAt);
