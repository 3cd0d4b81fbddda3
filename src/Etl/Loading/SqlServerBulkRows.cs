using System.Data;
using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Governance.Etl.Loading;

/// <summary>SQL Server: SqlBulkCopy of a DataTable every <see cref="ChunkRows"/> rows (compile-checked; no server runs here).</summary>
internal sealed class SqlServerBulkRows(DbConnection connection, DbTransaction transaction, string table, IReadOnlyList<BulkColumn> columns) : BulkRows(columns)
{
    private const int ChunkRows = 50_000;
    private readonly DataTable _buffer = NewBuffer(columns);
    private readonly object?[] _values = new object?[columns.Count];
    private int _cell;

    public override void Add(long value) => _values[_cell++] = value;

    public override void Add(int value) => _values[_cell++] = value;

    public override void Add(string? value) => _values[_cell++] = value;

    public override void Add(DateOnly? value) => _values[_cell++] = value?.ToDateTime(TimeOnly.MinValue);

    public override async ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        _buffer.Rows.Add(_values.Select(v => v ?? DBNull.Value).ToArray());
        _cell = 0;
        Count++;
        if (_buffer.Rows.Count >= ChunkRows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public override Task CompleteAsync(CancellationToken cancellationToken) => FlushAsync(cancellationToken);

    public override ValueTask DisposeAsync()
    {
        _buffer.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static DataTable NewBuffer(IReadOnlyList<BulkColumn> columns)
    {
        var buffer = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var column in columns)
        {
            buffer.Columns.Add(column.Name, column.Type switch
            {
                BulkType.Long => typeof(long),
                BulkType.Int => typeof(int),
                BulkType.Date => typeof(DateTime),
                _ => typeof(string),
            });
        }

        return buffer;
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Rows.Count == 0)
        {
            return;
        }

        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.Default, (SqlTransaction)transaction)
        {
            DestinationTableName = table,
            BulkCopyTimeout = BulkTimeoutSeconds,
        };
        foreach (var column in Columns)
        {
            bulk.ColumnMappings.Add(column.Name, column.Name);
        }

        await bulk.WriteToServerAsync(_buffer, cancellationToken);
        _buffer.Clear();
    }
}
