using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse;

/// <summary>
/// The warehouse's version: one row (<c>warehouse_version</c>, id 1) whose number every change of what the warehouse
/// answers advances inside the change's own transaction (a committed load of facts, areas or targets, a catalogue seed
/// that changed indicators or thresholds, a roll-up rebuild). An answer computed at version N stays right while the
/// version is N, so the API's answer cache keys answers by it: a committed change makes every older answer unreachable
/// at once, on every API instance reading this database. Migration WarehouseVersion creates the row at version 1.
/// </summary>
public sealed class WarehouseVersion
{
    /// <summary>The id of the one row.</summary>
    public const int RowId = 1;

    public const string Table = "warehouse_version";

    private const string ReadSql = "SELECT version FROM warehouse_version WHERE id = 1";

    public int Id { get; set; } = RowId;

    public long Version { get; set; }

    /// <summary>When the version last advanced (UTC).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>
    /// Reads the version on <paramref name="connection"/> (opened and closed here when closed): one primary-key read of
    /// one row, sent as plain ADO.NET, so none of EF's per-command interceptors (the PostgreSQL scope statement) runs.
    /// </summary>
    public static async Task<long> ReadAsync(DbConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = ReadSql;
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is null or DBNull
                ? throw new InvalidOperationException($"The {Table} table has no row {RowId}: run `governance migrate`.")
                : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>Reads the version through the context's connection, inside its transaction when one is open.</summary>
    public static async Task<long> ReadAsync(DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var version = await db.Set<WarehouseVersion>().AsNoTracking()
            .Where(v => v.Id == RowId)
            .Select(v => (long?)v.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return version ?? throw new InvalidOperationException($"The {Table} table has no row {RowId}: run `governance migrate`.");
    }

    /// <summary>
    /// Advances the version by one in one atomic UPDATE on the context's connection. Call it inside the transaction of the
    /// change, just before its commit: the new number becomes visible with the change itself, never before nor without it.
    /// </summary>
    public static async Task AdvanceAsync(WarehouseDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = DateTimeOffset.UtcNow;
        var updated = await db.Set<WarehouseVersion>()
            .Where(v => v.Id == RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1).SetProperty(v => v.ChangedAt, now), cancellationToken);
        if (updated != 1)
        {
            throw new InvalidOperationException($"The {Table} table has no row {RowId}: run `governance migrate`.");
        }
    }
}
