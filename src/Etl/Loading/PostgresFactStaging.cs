using System.Data.Common;
using Governance.Etl.Validation;
using Governance.Warehouse.Dimensions;
using Npgsql;

namespace Governance.Etl.Loading;

/// <summary>PostgreSQL: COPY (text format, see <see cref="CopyTextRow"/>) into a temporary table dropped at commit.</summary>
internal sealed class PostgresFactStaging(DbConnection connection, DbTransaction transaction) : FactStaging(connection, transaction)
{
    private readonly CopyTextRow _row = new();
    private NpgsqlCopyTextWriter? _copy;

    public override async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            """
            CREATE TEMP TABLE stg_fact (
                seq bigint NOT NULL, sheet text NULL, line integer NOT NULL, column_name text NULL, raw_value text NULL,
                area_sk integer NOT NULL, period_sk integer NOT NULL, indicator_sk integer NOT NULL, value numeric(19,4) NOT NULL,
                status varchar(16) NOT NULL, note varchar(400) NULL, whole_indicator_sk integer NULL, whole_period_sk integer NULL
            ) ON COMMIT DROP;
            SET LOCAL work_mem = '64MB';
            SET LOCAL jit = off
            """,
            cancellationToken);
        _copy = (NpgsqlCopyTextWriter)await ((NpgsqlConnection)Connection).BeginTextImportAsync(
            "COPY stg_fact (seq, sheet, line, column_name, raw_value, area_sk, period_sk, indicator_sk, value, status, note, whole_indicator_sk, whole_period_sk) FROM STDIN",
            cancellationToken);
    }

    /// <summary>Synchronous writes: the writer buffers rows, and an await per row costs more than the COPY itself.</summary>
    public override ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken)
    {
        var row = _row;
        row.Start();
        row.Add(seq);
        row.Add(fact.At.Sheet);
        row.Add(fact.At.Line);
        row.Add(fact.At.Column);
        row.Add(fact.RawValue);
        row.Add(fact.AreaSk);
        row.Add(fact.PeriodSk);
        row.Add(fact.IndicatorSk);
        row.Add(fact.Value);
        row.Add(fact.Status.ToString());
        row.Add(fact.Note);
        row.Add(fact.WholeIndicatorSk);
        row.Add(fact.WholePeriodSk);
        row.End();
        _copy!.Write(row.Text);
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

        // No index: every later step reads the whole table, where hash joins on fresh statistics beat an index build.
        await ExecuteAsync("ANALYZE stg_fact", cancellationToken);
    }

    /// <summary>A join PostgreSQL runs as a hash join (or index lookups when the warehouse dwarfs the file): 4 s to 1.3 s on 600,000 rows.</summary>
    public override string PreviousYearPairs =>
        $"""
        SELECT s.indicator_sk, s.area_sk, s.period_sk, s.value, p.value AS previous
        FROM stg_fact s
        INNER JOIN fct_indicator_value p ON p.area_sk = s.area_sk AND p.period_sk = s.period_sk - {PeriodSurrogateKey.PerYear} AND p.indicator_sk = s.indicator_sk
        WHERE s.value > 0 AND p.value > 0
        ORDER BY s.indicator_sk
        """;

    public override Task<(int Inserted, int Updated, int Unchanged)> MergeAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MergeWithUpsertAsync(batchId, now, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            // A load that failed while staging: cancel the COPY rather than end it. The cancelled writer then refuses
            // to flush on disposal; that must not hide the exception that failed the load.
            await _copy.CancelAsync();
            try
            {
                await _copy.DisposeAsync();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        await base.DisposeAsync();
    }
}
