using System.Data;
using System.Data.Common;
using Governance.Etl.Validation;
using Microsoft.Data.SqlClient;

namespace Governance.Etl.Loading;

/// <summary>SQL Server: SqlBulkCopy into a #temporary table in chunks, then one MERGE (compile-checked; no server runs here).</summary>
internal sealed class SqlServerFactStaging(DbConnection connection, DbTransaction transaction) : FactStaging(connection, transaction)
{
    private const int ChunkRows = 50_000;
    private readonly DataTable _buffer = NewBuffer();

    public override string Table => "#stg_fact";

    public override async Task CreateAsync(CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            CREATE TABLE #stg_fact (
                seq bigint NOT NULL, sheet nvarchar(100) NULL, line int NOT NULL, column_name nvarchar(100) NULL, raw_value nvarchar(400) NULL,
                area_sk int NOT NULL, period_sk int NOT NULL, indicator_sk int NOT NULL, value decimal(19,4) NOT NULL,
                status nvarchar(16) NOT NULL, note nvarchar(400) NULL, whole_indicator_sk int NULL, whole_period_sk int NULL)
            """,
            cancellationToken);

    public override async ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken)
    {
        _buffer.Rows.Add(seq, Db(fact.At.Sheet), fact.At.Line, Db(fact.At.Column), fact.RawValue, fact.AreaSk, fact.PeriodSk, fact.IndicatorSk,
            fact.Value, fact.Status.ToString(), Db(fact.Note), Db(fact.WholeIndicatorSk), Db(fact.WholePeriodSk));
        Count++;
        if (_buffer.Rows.Count >= ChunkRows)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await ExecuteAsync("CREATE INDEX ix_stg_fact_key ON #stg_fact (area_sk, period_sk, indicator_sk)", cancellationToken);
    }

    public override async Task<(int Inserted, int Updated, int Unchanged)> MergeAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (matched, changed) = await CountMatchesAsync(cancellationToken);
        await ExecuteAsync(HistoryInsert, cancellationToken, ("@batch", batchId), ("@now", now));
        await ExecuteAsync(
            $"""
            MERGE fct_indicator_value WITH (HOLDLOCK) AS f
            USING {Table} AS s ON f.area_sk = s.area_sk AND f.period_sk = s.period_sk AND f.indicator_sk = s.indicator_sk
            WHEN MATCHED AND {Changed} THEN UPDATE SET value = s.value, status = s.status, note = s.note, load_batch_id = @batch, loaded_at = @now
            WHEN NOT MATCHED THEN INSERT (area_sk, period_sk, indicator_sk, value, status, note, load_batch_id, loaded_at)
                VALUES (s.area_sk, s.period_sk, s.indicator_sk, s.value, s.status, s.note, @batch, @now);
            """,
            cancellationToken,
            ("@batch", batchId),
            ("@now", now));
        return (checked((int)Count) - matched, changed, matched - changed);
    }

    public override async ValueTask DisposeAsync()
    {
        _buffer.Dispose();
        await base.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Rows.Count == 0)
        {
            return;
        }

        using var bulk = new SqlBulkCopy((SqlConnection)Connection, SqlBulkCopyOptions.Default, (SqlTransaction)Transaction)
        {
            DestinationTableName = Table,
            BulkCopyTimeout = BulkTimeoutSeconds,
        };
        await bulk.WriteToServerAsync(_buffer, cancellationToken);
        _buffer.Clear();
    }

    private static object Db(object? value) => value ?? DBNull.Value;

    private static DataTable NewBuffer()
    {
        var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("seq", typeof(long));
        table.Columns.Add("sheet", typeof(string));
        table.Columns.Add("line", typeof(int));
        table.Columns.Add("column_name", typeof(string));
        table.Columns.Add("raw_value", typeof(string));
        table.Columns.Add("area_sk", typeof(int));
        table.Columns.Add("period_sk", typeof(int));
        table.Columns.Add("indicator_sk", typeof(int));
        table.Columns.Add("value", typeof(decimal));
        table.Columns.Add("status", typeof(string));
        table.Columns.Add("note", typeof(string));
        table.Columns.Add("whole_indicator_sk", typeof(int));
        table.Columns.Add("whole_period_sk", typeof(int));
        return table;
    }
}
