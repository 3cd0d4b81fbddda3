using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Governance.Warehouse.Replicas;

/// <summary>
/// The reads of one API request (a scoped service): one server, chosen at the first context (a usable replica in turn,
/// else the primary), and on PostgreSQL one snapshot of it. A leader connection opens a read-only repeatable-read
/// transaction, reads the warehouse version and exports its snapshot (<c>pg_export_snapshot()</c>, which a hot standby
/// supports); every context of the request then gets a connection of its own, in a read-only repeatable-read transaction
/// that imports that snapshot (<c>SET TRANSACTION SNAPSHOT</c>). So resolvers may still run in parallel on several
/// connections, and the whole answer is of one version (<see cref="Version"/>) of one server. SQLite and SQL Server read
/// the primary as before, without a shared snapshot.
/// </summary>
public sealed partial class WarehouseReadSession(ReplicaRouter router) : IDbContextFactory<WarehouseDbContext>, IAsyncDisposable
{
    private static readonly string LeaderSql =
        "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
        + $"SELECT pg_export_snapshot(), (SELECT version FROM {WarehouseVersion.Table} WHERE id = {WarehouseVersion.RowId})";

    private readonly Lock _choice = new();
    private readonly SemaphoreSlim _leaderGate = new(1, 1);
    private bool _chosen;
    private bool _primaryOnly;
    private NpgsqlConnection? _leader;
    private string? _snapshot;
    private Exception? _serverFailure;

    /// <summary>The replica this request reads, or null: the primary (or nothing read yet).</summary>
    public ReadReplica? Replica { get; private set; }

    /// <summary>"primary" or "replica N": the server that answered (nothing read yet: "primary").</summary>
    public string Server => Replica is { } replica ? $"replica {replica.Number}" : "primary";

    /// <summary>The warehouse version of the request's snapshot (PostgreSQL, once a context was made), else null.</summary>
    public long? Version { get; private set; }

    /// <summary>True when a read on a replica failed because the replica did: the request may be answered again by the primary.</summary>
    public bool ReplicaFailed => Replica is not null && Volatile.Read(ref _serverFailure) is not null;

    /// <summary>Every context of this session reads the primary (a repeat of a request whose replica failed).</summary>
    public void UsePrimary()
    {
        lock (_choice)
        {
            if (_chosen && Replica is not null)
            {
                throw new InvalidOperationException("The request's reads already went to a replica.");
            }

            _primaryOnly = true;
        }
    }

    /// <summary>A read of this request failed: when the replica did, no other request reads it until it recovers.</summary>
    public bool ReportFailure(Exception exception)
    {
        if (Replica is not { } replica || !ReadFailure.IsServerFailure(exception))
        {
            return false;
        }

        Interlocked.CompareExchange(ref _serverFailure, exception, null);
        router.ReportFailure(replica, exception);
        return true;
    }

    /// <summary>
    /// The warehouse version this request's answer is of: on PostgreSQL the version in the request's snapshot (taken
    /// here when no context has been made yet), so the answer cache keys the answer by what the answering server replayed;
    /// on SQLite and SQL Server the primary's version now.
    /// </summary>
    public async Task<long> VersionAsync(CancellationToken cancellationToken = default)
    {
        var factory = Choose();
        try
        {
            if (factory.Settings.Provider == WarehouseProvider.Postgres)
            {
                await SnapshotAsync(factory, cancellationToken);
                return Version ?? throw new InvalidOperationException($"The {WarehouseVersion.Table} table has no row {WarehouseVersion.RowId}: run `governance migrate`.");
            }

            await using var db = factory.CreateDbContext();
            return await WarehouseVersion.ReadAsync(db.Database.GetDbConnection(), cancellationToken);
        }
        catch (Exception e)
        {
            ReportFailure(e);
            throw;
        }
    }

    public WarehouseDbContext CreateDbContext()
    {
        var factory = Choose();
        var db = factory.CreateDbContext();
        if (factory.Settings.Provider != WarehouseProvider.Postgres)
        {
            return db;
        }

        try
        {
            string snapshot;
            _leaderGate.Wait();
            try
            {
                if (_snapshot is null)
                {
                    var leader = new NpgsqlConnection(factory.Settings.ConnectionString);
                    try
                    {
                        leader.Open();
                        using var command = new NpgsqlCommand(LeaderSql, leader);
                        using var reader = command.ExecuteReader();
                        reader.Read();
                        (_snapshot, Version) = (Checked(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetInt64(1));
                    }
                    catch
                    {
                        leader.Dispose();
                        throw;
                    }

                    _leader = leader;
                }

                snapshot = _snapshot;
            }
            finally
            {
                _leaderGate.Release();
            }

            var connection = new NpgsqlConnection(factory.Settings.ConnectionString);
            connection.Open();
            using (var command = new NpgsqlCommand(FollowerSql(snapshot), connection))
            {
                command.ExecuteNonQuery();
            }

            db.Database.SetDbConnection(connection, contextOwnsConnection: true);
            return db;
        }
        catch (Exception e)
        {
            ReportFailure(e);
            db.Dispose();
            throw;
        }
    }

    public async Task<WarehouseDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var factory = Choose();
        var db = factory.CreateDbContext();
        if (factory.Settings.Provider != WarehouseProvider.Postgres)
        {
            return db;
        }

        NpgsqlConnection? connection = null;
        try
        {
            var snapshot = await SnapshotAsync(factory, cancellationToken);
            connection = new NpgsqlConnection(factory.Settings.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var command = new NpgsqlCommand(FollowerSql(snapshot), connection))
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            db.Database.SetDbConnection(connection, contextOwnsConnection: true);
            return db;
        }
        catch (Exception e)
        {
            ReportFailure(e);
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            await db.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_leader is not null)
        {
            try
            {
                // Closing ends the leader's transaction (Npgsql rolls it back as the connection goes back to the pool).
                await _leader.DisposeAsync();
            }
            catch (NpgsqlException e) when (ReadFailure.IsServerFailure(e))
            {
                // The server went away under the request: its transaction ended with it, and the answer is already made.
            }
        }

        _leaderGate.Dispose();
    }

    private static string FollowerSql(string snapshot) =>
        $"BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET TRANSACTION SNAPSHOT '{snapshot}'";

    private static string Checked(string snapshot) =>
        SnapshotPattern().IsMatch(snapshot) ? snapshot : throw new InvalidOperationException($"The server exported a snapshot id '{snapshot}' of an unknown form.");

    [GeneratedRegex("^[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+$")]
    private static partial Regex SnapshotPattern();

    private WarehouseContextFactory Choose()
    {
        lock (_choice)
        {
            if (!_chosen)
            {
                Replica = _primaryOnly ? null : router.Pick();
                _chosen = true;
            }

            return Replica?.Factory ?? router.Primary;
        }
    }

    private async Task<string> SnapshotAsync(WarehouseContextFactory factory, CancellationToken cancellationToken)
    {
        await _leaderGate.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } existing)
            {
                return existing;
            }

            string snapshot;
            var leader = new NpgsqlConnection(factory.Settings.ConnectionString);
            try
            {
                await leader.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand(LeaderSql, leader);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                (snapshot, Version) = (Checked(reader.GetString(0)), reader.IsDBNull(1) ? null : reader.GetInt64(1));
            }
            catch
            {
                await leader.DisposeAsync();
                throw;
            }

            (_leader, _snapshot) = (leader, snapshot);
            return snapshot;
        }
        finally
        {
            _leaderGate.Release();
        }
    }
}
