using System.Data.Common;
using System.Globalization;
using Governance.Etl.Validation;
using Governance.Warehouse.Dimensions;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Governance.Etl.Loading;

/// <summary>
/// SQLite: prepared multi-row INSERTs (<see cref="RowsPerInsert"/> rows a statement, reused for the whole file) inside
/// the load's single (IMMEDIATE) transaction; the last partial batch goes through a prepared one-row INSERT. Parameters
/// are bound by position through SQLitePCL: binding by name looks each name up in a list, quadratic in a wide statement.
/// </summary>
internal sealed class SqliteFactStaging(DbConnection connection, DbTransaction transaction) : FactStaging(connection, transaction)
{
    private const int Columns = 13;
    private const int RowsPerInsert = 64;
    private readonly (long Seq, StagedFact Fact)[] _pending = new (long, StagedFact)[RowsPerInsert];
    private int _pendingCount;
    private sqlite3_stmt? _batchInsert;
    private sqlite3_stmt? _rowInsert;

    private sqlite3 Handle => ((SqliteConnection)Connection).Handle!;

    public override async Task CreateAsync(CancellationToken cancellationToken)
    {
        // A pooled connection may still hold the table of an earlier load.
        await ExecuteAsync("DROP TABLE IF EXISTS temp.stg_fact", cancellationToken);
        // A 24 MiB page cache (SQLite's default is 2 MiB) for the merge into the fact table's indexes: at 8.4 million rows
        // the merge took 64 s with the default and 22 s with this, for 30 MiB more peak memory (64 MiB went past 500 MiB).
        // The connection keeps it when it returns to the pool; only connections that ran a load have it.
        await ExecuteAsync("PRAGMA cache_size = -24576", cancellationToken);
        await ExecuteAsync(
            """
            CREATE TEMP TABLE stg_fact (
                seq INTEGER NOT NULL, sheet TEXT NULL, line INTEGER NOT NULL, column_name TEXT NULL, raw_value TEXT NULL,
                area_sk INTEGER NOT NULL, period_sk INTEGER NOT NULL, indicator_sk INTEGER NOT NULL, value NUMERIC NOT NULL,
                status TEXT NOT NULL, note TEXT NULL, whole_indicator_sk INTEGER NULL, whole_period_sk INTEGER NULL)
            """,
            cancellationToken);
        _batchInsert = Prepare(RowsPerInsert);
        _rowInsert = Prepare(1);
    }

    /// <summary>Synchronous: a step of SQLite is a local call, and an await per row costs more than the insert.</summary>
    public override ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken)
    {
        _pending[_pendingCount++] = (seq, fact);
        Count++;
        if (_pendingCount == RowsPerInsert)
        {
            Insert(_batchInsert!, 0, RowsPerInsert);
            _pendingCount = 0;
        }

        return ValueTask.CompletedTask;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < _pendingCount; i++)
        {
            Insert(_rowInsert!, i, 1);
        }

        _pendingCount = 0;
        await ExecuteAsync("CREATE INDEX temp.ix_stg_fact_key ON stg_fact (area_sk, period_sk, indicator_sk)", cancellationToken);
    }

    /// <summary>
    /// Before the merge: SQLite reads pages the load's own transaction has written more slowly, and the merge has written
    /// the whole fact table's indexes. At 8.4 million rows the pairs took 12 s before the merge against 29 s after it.
    /// </summary>
    public override bool PairsBeforeMerge => true;

    /// <summary>A year-earlier value from the file (the staging table's key index), else from the warehouse's primary key.</summary>
    public override string PreviousYearPairs =>
        $"""
        SELECT indicator_sk, area_sk, period_sk, value, previous
        FROM (
            SELECT s.indicator_sk, s.area_sk, s.period_sk, s.value, COALESCE(
                (SELECT p.value FROM stg_fact p
                 WHERE p.area_sk = s.area_sk AND p.period_sk = s.period_sk - {PeriodSurrogateKey.PerYear} AND p.indicator_sk = s.indicator_sk),
                (SELECT p.value FROM fct_indicator_value p
                 WHERE p.area_sk = s.area_sk AND p.period_sk = s.period_sk - {PeriodSurrogateKey.PerYear} AND p.indicator_sk = s.indicator_sk)) AS previous
            FROM stg_fact s
            WHERE s.value > 0) pairs
        WHERE previous > 0
        ORDER BY indicator_sk
        """;

    public override Task<(int Inserted, int Updated, int Unchanged)> MergeAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MergeWithUpsertAsync(batchId, now, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        _batchInsert?.Dispose();
        _rowInsert?.Dispose();

        await base.DisposeAsync();
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var values = Enumerable.Range(0, rows).Select(_ => $"({string.Join(", ", Enumerable.Repeat("?", Columns))})");
        var sql = $"INSERT INTO stg_fact VALUES {string.Join(", ", values)}";
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(Handle, sql, out var statement), Handle);
        return statement;
    }

    private void Insert(sqlite3_stmt statement, int first, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var (seq, fact) = _pending[first + r];
            var at = (r * Columns) + 1;
            raw.sqlite3_bind_int64(statement, at, seq);
            BindText(statement, at + 1, fact.At.Sheet);
            raw.sqlite3_bind_int(statement, at + 2, fact.At.Line);
            BindText(statement, at + 3, fact.At.Column);
            BindText(statement, at + 4, fact.RawValue);
            raw.sqlite3_bind_int(statement, at + 5, fact.AreaSk);
            raw.sqlite3_bind_int(statement, at + 6, fact.PeriodSk);
            raw.sqlite3_bind_int(statement, at + 7, fact.IndicatorSk);
            BindText(statement, at + 8, fact.Value.ToString(CultureInfo.InvariantCulture));
            BindText(statement, at + 9, fact.Status.ToString());
            BindText(statement, at + 10, fact.Note);
            BindInt(statement, at + 11, fact.WholeIndicatorSk);
            BindInt(statement, at + 12, fact.WholePeriodSk);
        }

        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, Handle);
        }
    }

    private static void BindText(sqlite3_stmt statement, int index, string? text)
    {
        if (text is null)
        {
            raw.sqlite3_bind_null(statement, index);
        }
        else
        {
            raw.sqlite3_bind_text(statement, index, text);
        }
    }

    private static void BindInt(sqlite3_stmt statement, int index, int? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int(statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(statement, index);
        }
    }
}
