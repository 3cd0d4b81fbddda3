using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Governance.Etl.Loading;

/// <summary>
/// SQLite: prepared multi-row INSERTs of <see cref="RowsPerInsert"/> rows, bound by position through SQLitePCL (as
/// <see cref="SqliteFactStaging"/> does), the last partial batch through a prepared one-row INSERT.
/// </summary>
internal sealed class SqliteBulkRows(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns) : BulkRows(columns)
{
    private const int RowsPerInsert = 64;
    private readonly Cell[] _pending = new Cell[RowsPerInsert * columns.Count];
    private int _cells;
    private int _rows;
    private sqlite3_stmt? _batchInsert;
    private sqlite3_stmt? _rowInsert;

    private sqlite3 Handle => ((SqliteConnection)connection).Handle!;

    public override void Add(long value) => _pending[_cells++] = new Cell(value, null, CellKind.Integer);

    public override void Add(int value) => _pending[_cells++] = new Cell(value, null, CellKind.Integer);

    public override void Add(string? value) => _pending[_cells++] = value is null ? default : new Cell(0, value, CellKind.Text);

    public override void Add(DateOnly? value) => Add(value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public override ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        Count++;
        if (++_rows == RowsPerInsert)
        {
            Insert(_batchInsert!, 0, RowsPerInsert);
            (_rows, _cells) = (0, 0);
        }

        return ValueTask.CompletedTask;
    }

    public override Task CompleteAsync(CancellationToken cancellationToken)
    {
        for (var r = 0; r < _rows; r++)
        {
            Insert(_rowInsert!, r * Columns.Count, 1);
        }

        (_rows, _cells) = (0, 0);
        return Task.CompletedTask;
    }

    public override ValueTask DisposeAsync()
    {
        _batchInsert?.Dispose();
        _rowInsert?.Dispose();
        return ValueTask.CompletedTask;
    }

    protected override Task StartAsync(CancellationToken cancellationToken)
    {
        _batchInsert = Prepare(RowsPerInsert);
        _rowInsert = Prepare(1);
        return Task.CompletedTask;
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var values = Enumerable.Range(0, rows).Select(_ => $"({string.Join(", ", Enumerable.Repeat("?", Columns.Count))})");
        var sql = $"INSERT INTO {table} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES {string.Join(", ", values)}";
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(Handle, sql, out var statement), Handle);
        return statement;
    }

    private void Insert(sqlite3_stmt statement, int firstCell, int rows)
    {
        var cells = rows * Columns.Count;
        for (var i = 0; i < cells; i++)
        {
            var cell = _pending[firstCell + i];
            _ = cell.Kind switch
            {
                CellKind.Integer => raw.sqlite3_bind_int64(statement, i + 1, cell.Number),
                CellKind.Text => raw.sqlite3_bind_text(statement, i + 1, cell.Text),
                _ => raw.sqlite3_bind_null(statement, i + 1),
            };
        }

        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, Handle);
        }
    }

    private enum CellKind : byte
    {
        Null,
        Integer,
        Text,
    }

    private readonly record struct Cell(long Number, string? Text, CellKind Kind);
}
