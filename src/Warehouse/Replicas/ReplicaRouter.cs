using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Governance.Warehouse.Replicas;

/// <summary>
/// Where the API's reads go: the usable read replicas in turn (round-robin), the primary when none is usable. A replica is
/// usable when its last check (<see cref="CheckAsync(CancellationToken)"/>, every <see cref="CheckInterval"/> by the API's
/// monitor) found it in recovery and at most <see cref="WarehouseSettings.MaxReplicaLagSeconds"/> behind the primary; a read
/// that finds it down takes it out at once (<see cref="ReportFailure"/>), and the next good check brings it back, no
/// restart needed.
/// </summary>
public sealed class ReplicaRouter
{
    /// <summary>How often the monitor checks every replica.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    // One round trip: whether it is a standby, whether it has replayed all it received, how long ago the last replayed
    // transaction committed on the primary, and the warehouse version it has replayed.
    private static readonly string StateSql =
        "SELECT pg_is_in_recovery(), pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn(), "
        + "EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp())::float8, "
        + $"(SELECT version FROM {WarehouseVersion.Table} WHERE id = {WarehouseVersion.RowId})";

    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly string _primaryMonitor;
    private readonly ReadReplica[] _replicas;
    private int _next = -1;

    public ReplicaRouter(WarehouseSettings settings, WarehouseContextFactory primary, ILoggerFactory? loggerFactory = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(primary);
        Primary = primary;
        MaxLagSeconds = settings.MaxReplicaLagSeconds;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ReplicaRouter>();
        _clock = clock ?? TimeProvider.System;
        _replicas = [.. settings.Replicas.Select((connectionString, i) =>
            new ReadReplica(i + 1, connectionString, new WarehouseContextFactory(settings with { ConnectionString = connectionString, Replicas = [] }, loggerFactory)))];
        _primaryMonitor = settings.Provider == WarehouseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(settings.ConnectionString) { ApplicationName = "governance-replica-monitor", Timeout = 3, CommandTimeout = 3, MaxPoolSize = 2 }.ConnectionString
            : string.Empty;
    }

    public WarehouseContextFactory Primary { get; }

    public IReadOnlyList<ReadReplica> Replicas => _replicas;

    public int MaxLagSeconds { get; }

    /// <summary>The warehouse version the primary had at the last check (null before it, or when unreadable).</summary>
    public long? PrimaryVersion { get; private set; }

    /// <summary>The next usable replica in turn, or null: read from the primary.</summary>
    public ReadReplica? Pick()
    {
        if (_replicas.Length == 0)
        {
            return null;
        }

        var start = (uint)Interlocked.Increment(ref _next);
        for (var i = 0; i < _replicas.Length; i++)
        {
            var replica = _replicas[(int)((start + (uint)i) % (uint)_replicas.Length)];
            if (replica.Health.Usable)
            {
                return replica;
            }
        }

        return null;
    }

    /// <summary>A read found the replica down (or cancelled by recovery): no read goes to it until a check finds it usable.</summary>
    public void ReportFailure(ReadReplica replica, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(replica);
        ArgumentNullException.ThrowIfNull(exception);
        var health = replica.Health;
        if (!health.Usable)
        {
            return;
        }

        replica.Set(health with { Usable = false, Problem = $"a read failed: {ReadFailure.Describe(exception)}", CheckedAt = _clock.GetUtcNow() });
        replica.CaughtUpSeen = false;
        ClearPool(replica);
        _logger.LogWarning("Reads leave {Replica}: a read failed ({Problem}); the primary or another replica answers until a check finds it usable again",
            replica.Name, ReadFailure.Describe(exception));
    }

    /// <summary>One round of the monitor: the primary's version, then every replica's state, at once.</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        if (_replicas.Length == 0)
        {
            return;
        }

        PrimaryVersion = await PrimaryVersionAsync(cancellationToken);
        await Task.WhenAll(_replicas.Select(r => CheckAsync(r, PrimaryVersion, cancellationToken)));
    }

    private async Task<long?> PrimaryVersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_primaryMonitor);
            return await WarehouseVersion.ReadAsync(connection, cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // Without the primary's version, a replica's lag is read from its WAL alone (see Evaluate).
            _logger.LogDebug(e, "The replica monitor could not read the primary's warehouse version");
            return null;
        }
    }

    private async Task CheckAsync(ReadReplica replica, long? primaryVersion, CancellationToken cancellationToken)
    {
        ReplicaHealth health;
        var now = _clock.GetUtcNow();
        try
        {
            await using var connection = new NpgsqlConnection(replica.MonitorConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(StateSql, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var inRecovery = reader.GetBoolean(0);
            var replayedAll = reader.GetBoolean(1);
            double? sinceReplay = reader.IsDBNull(2) ? null : reader.GetDouble(2);
            long? replayed = reader.IsDBNull(3) ? null : reader.GetInt64(3);
            health = Evaluate(replica, inRecovery, replayedAll, sinceReplay, replayed, primaryVersion, now);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or OperationCanceledException)
        {
            health = new ReplicaHealth(Usable: false, $"does not answer: {ReadFailure.Describe(e)}", LagSeconds: null, ReplayedVersion: null, now);
            replica.CaughtUpSeen = false;
        }

        var before = replica.Health;
        replica.Set(health);
        if (health.Usable && !before.Usable)
        {
            // Connections pooled before it went away are dead: start its pool afresh.
            ClearPool(replica);
            _logger.LogInformation("Reads go to {Replica} again: {Lag} s behind the primary, warehouse version {Version} replayed",
                replica.Name, health.LagSeconds?.ToString("0.###", CultureInfo.InvariantCulture), health.ReplayedVersion);
        }
        else if (!health.Usable && (before.Usable || before.CheckedAt is null))
        {
            ClearPool(replica);
            _logger.LogWarning("Reads leave {Replica}: it {Problem}; the primary or another replica answers until it recovers", replica.Name, health.Problem);
        }
    }

    /// <summary>
    /// The lag: none when the replica has replayed the primary's warehouse version (its answers are the primary's);
    /// behind it, the time since the last transaction it replayed committed (<c>pg_last_xact_replay_timestamp()</c>), or
    /// since the check that first saw it fall behind, whichever is shorter. Without the primary's version: none when it
    /// has replayed all the WAL it received, else the time since its last replayed transaction.
    /// </summary>
    private ReplicaHealth Evaluate(ReadReplica replica, bool inRecovery, bool replayedAll, double? sinceReplay, long? replayed, long? primaryVersion, DateTimeOffset now)
    {
        if (!inRecovery)
        {
            replica.CaughtUpSeen = false;
            return new ReplicaHealth(Usable: false, "is not in recovery (promoted, or not a standby): its data may leave the primary's", LagSeconds: null, replayed, now);
        }

        double lag;
        if (primaryVersion is { } primary && replayed is { } version)
        {
            if (version >= primary)
            {
                (replica.CaughtUpSeen, replica.BehindSince) = (true, null);
                lag = 0;
            }
            else
            {
                if (replica.CaughtUpSeen && replica.BehindSince is null)
                {
                    replica.BehindSince = now;
                }

                lag = sinceReplay ?? double.PositiveInfinity;
                if (replica.BehindSince is { } since)
                {
                    lag = Math.Min(lag, (now - since).TotalSeconds);
                }
            }
        }
        else
        {
            lag = replayedAll ? 0 : sinceReplay ?? double.PositiveInfinity;
        }

        lag = Math.Max(0, lag);
        return lag <= MaxLagSeconds
            ? new ReplicaHealth(Usable: true, Problem: null, lag, replayed, now)
            : new ReplicaHealth(Usable: false, $"lags {(double.IsInfinity(lag) ? "an unknown time" : lag.ToString("0.#", CultureInfo.InvariantCulture) + " s")} behind the primary (Warehouse:MaxReplicaLagSeconds {MaxLagSeconds}; version {replayed?.ToString(CultureInfo.InvariantCulture) ?? "unknown"} replayed, the primary's {primaryVersion?.ToString(CultureInfo.InvariantCulture) ?? "unknown"})", double.IsInfinity(lag) ? null : lag, replayed, now);
    }

    private static void ClearPool(ReadReplica replica)
    {
        using var connection = new NpgsqlConnection(replica.ConnectionString);
        NpgsqlConnection.ClearPool(connection);
    }
}
