using System.Data.Common;
using Governance.Etl.Validation;
using Npgsql;
using NpgsqlTypes;

namespace Governance.Etl.Loading;

/// <summary>PostgreSQL: binary COPY into a temporary table dropped at commit.</summary>
internal sealed class PostgresFactStaging(DbConnection connection, DbTransaction transaction) : FactStaging(connection, transaction)
{
    private NpgsqlBinaryImporter? _copy;

    public override async Task CreateAsync(CancellationToken cancellationToken)
    {
        await ExecuteAsync(
            """
            CREATE TEMP TABLE stg_fact (
                seq bigint NOT NULL, sheet text NULL, line integer NOT NULL, column_name text NULL, raw_value text NULL,
                area_sk integer NOT NULL, period_sk integer NOT NULL, indicator_sk integer NOT NULL, value numeric(19,4) NOT NULL,
                status varchar(16) NOT NULL, note varchar(400) NULL, whole_indicator_sk integer NULL, whole_period_sk integer NULL
            ) ON COMMIT DROP
            """,
            cancellationToken);
        _copy = await ((NpgsqlConnection)Connection).BeginBinaryImportAsync(
            "COPY stg_fact (seq, sheet, line, column_name, raw_value, area_sk, period_sk, indicator_sk, value, status, note, whole_indicator_sk, whole_period_sk) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
    }

    /// <summary>Synchronous writes: the importer buffers rows, and an await per field costs more than the COPY itself.</summary>
    public override ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken)
    {
        var copy = _copy!;
        copy.StartRow();
        copy.Write(seq, NpgsqlDbType.Bigint);
        Write(copy, fact.At.Sheet, NpgsqlDbType.Text);
        copy.Write(fact.At.Line, NpgsqlDbType.Integer);
        Write(copy, fact.At.Column, NpgsqlDbType.Text);
        copy.Write(fact.RawValue, NpgsqlDbType.Text);
        copy.Write(fact.AreaSk, NpgsqlDbType.Integer);
        copy.Write(fact.PeriodSk, NpgsqlDbType.Integer);
        copy.Write(fact.IndicatorSk, NpgsqlDbType.Integer);
        copy.Write(fact.Value, NpgsqlDbType.Numeric);
        copy.Write(fact.Status.ToString(), NpgsqlDbType.Varchar);
        Write(copy, fact.Note, NpgsqlDbType.Varchar);
        Write(copy, fact.WholeIndicatorSk, NpgsqlDbType.Integer);
        Write(copy, fact.WholePeriodSk, NpgsqlDbType.Integer);
        Count++;
        return ValueTask.CompletedTask;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync(cancellationToken);
            await _copy.DisposeAsync();
            _copy = null;
        }

        await ExecuteAsync("CREATE INDEX ix_stg_fact_key ON stg_fact (area_sk, period_sk, indicator_sk); ANALYZE stg_fact", cancellationToken);
    }

    public override Task<(int Inserted, int Updated, int Unchanged)> MergeAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MergeWithUpsertAsync(batchId, now, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (_copy is not null)
        {
            await _copy.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private static void Write(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, type);
        }
    }

    private static void Write(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type)
    {
        if (value is { } v)
        {
            copy.Write(v, type);
        }
        else
        {
            copy.WriteNull();
        }
    }
}
