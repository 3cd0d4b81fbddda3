using System.Data.Common;
using Npgsql;

namespace Governance.Etl.Loading;

/// <summary>PostgreSQL: COPY in text format (<see cref="CopyTextRow"/>), written synchronously into Npgsql's buffer.</summary>
internal sealed class PostgresBulkRows(DbConnection connection, string table, IReadOnlyList<BulkColumn> columns) : BulkRows(columns)
{
    private readonly CopyTextRow _row = new();
    private NpgsqlCopyTextWriter? _copy;
    private bool _started;

    public override void Add(long value)
    {
        Begin();
        _row.Add(value);
    }

    public override void Add(int value)
    {
        Begin();
        _row.Add(value);
    }

    public override void Add(string? value)
    {
        Begin();
        _row.Add(value);
    }

    public override void Add(DateOnly? value)
    {
        Begin();
        _row.Add(value?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    public override ValueTask EndRowAsync(CancellationToken cancellationToken)
    {
        _row.End();
        _copy!.Write(_row.Text);
        _started = false;
        Count++;
        return ValueTask.CompletedTask;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            // Disposing the writer ends the COPY (the server reports any row it refused here).
            await _copy.DisposeAsync();
            _copy = null;
        }
    }

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // A load that failed while writing: cancel the COPY rather than end it (see PostgresFactStaging).
            await _copy.CancelAsync();
            try
            {
                await _copy.DisposeAsync();
            }
            catch (ObjectDisposedException)
            {
            }

            _copy = null;
        }
    }

    protected override async Task StartAsync(CancellationToken cancellationToken) =>
        _copy = (NpgsqlCopyTextWriter)await ((NpgsqlConnection)connection).BeginTextImportAsync(
            $"COPY {table} ({string.Join(", ", Columns.Select(c => c.Name))}) FROM STDIN", cancellationToken);

    private void Begin()
    {
        if (!_started)
        {
            _row.Start();
            _started = true;
        }
    }
}
