using Npgsql;

namespace Governance.Warehouse.Replicas;

/// <summary>
/// One PostgreSQL hot standby of <c>ConnectionStrings:WarehouseReplicas</c>: its context factory and its last checked
/// state, which the <see cref="ReplicaRouter"/> replaces as a whole (reads of it are lock-free).
/// </summary>
public sealed class ReadReplica
{
    private ReplicaHealth _health;

    internal ReadReplica(int number, string connectionString, WarehouseContextFactory factory)
    {
        Number = number;
        ConnectionString = connectionString;
        Factory = factory;
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Name = $"replica {number} ({builder.Host}:{builder.Port}/{builder.Database})";
        _health = new ReplicaHealth(Usable: false, "not checked yet", LagSeconds: null, ReplayedVersion: null, CheckedAt: null);

        // The monitor's connections: a pool of their own (the application name), a short connect and command timeout.
        MonitorConnectionString = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "governance-replica-monitor",
            Timeout = 3,
            CommandTimeout = 3,
            MaxPoolSize = 2,
        }.ConnectionString;
    }

    /// <summary>1-based position in <c>ConnectionStrings:WarehouseReplicas</c>.</summary>
    public int Number { get; }

    /// <summary>"replica N (host:port/database)", for logs and /health (no credentials).</summary>
    public string Name { get; }

    public string ConnectionString { get; }

    public WarehouseContextFactory Factory { get; }

    public ReplicaHealth Health => Volatile.Read(ref _health);

    internal string MonitorConnectionString { get; }

    /// <summary>The monitor saw it at the primary's version since it last became unusable (so a fall behind is seen when it starts).</summary>
    internal bool CaughtUpSeen { get; set; }

    /// <summary>When the monitor first saw it behind the primary's version after being level with it.</summary>
    internal DateTimeOffset? BehindSince { get; set; }

    internal void Set(ReplicaHealth health) => Volatile.Write(ref _health, health);
}
