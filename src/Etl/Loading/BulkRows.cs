using System.Data.Common;
using Governance.Warehouse;

namespace Governance.Etl.Loading;

/// <summary>
/// Rows written into one table on the load's connection and transaction with the engine's bulk path: PostgreSQL's COPY,
/// SQLite's prepared multi-row INSERTs, SQL Server's SqlBulkCopy. A row is its values in the order of the columns
/// (<see cref="Add(string)"/> and the others), then <see cref="EndRowAsync"/>; <see cref="CompleteAsync"/> writes what is buffered.
/// PostgreSQL runs one COPY at a time on a connection: complete one table before opening the next.
/// </summary>
internal abstract class BulkRows(IReadOnlyList<BulkColumn> columns) : IAsyncDisposable
{
    protected const int BulkTimeoutSeconds = 3600;

    protected IReadOnlyList<BulkColumn> Columns => columns;

    /// <summary>Rows ended so far.</summary>
    public long Count { get; protected set; }

    public static async Task<BulkRows> OpenAsync(WarehouseProvider provider, DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<BulkColumn> columns, CancellationToken cancellationToken)
    {
        BulkRows rows = provider switch
        {
            WarehouseProvider.Postgres => new PostgresBulkRows(connection, table, columns),
            WarehouseProvider.SqlServer => new SqlServerBulkRows(connection, transaction, table, columns),
            _ => new SqliteBulkRows(connection, table, columns),
        };
        await rows.StartAsync(cancellationToken);
        return rows;
    }

    public abstract void Add(long value);

    public abstract void Add(int value);

    public abstract void Add(string? value);

    public abstract void Add(DateOnly? value);

    public abstract ValueTask EndRowAsync(CancellationToken cancellationToken);

    /// <summary>Writes the rows still buffered; the table then holds every row ended.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    protected abstract Task StartAsync(CancellationToken cancellationToken);
}
