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

    public override async ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken)
    {
        var copy = _copy!;
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(seq, NpgsqlDbType.Bigint, cancellationToken);
        await WriteAsync(copy, fact.At.Sheet, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(fact.At.Line, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, fact.At.Column, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(fact.RawValue, NpgsqlDbType.Text, cancellationToken);
        await copy.WriteAsync(fact.AreaSk, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(fact.PeriodSk, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(fact.IndicatorSk, NpgsqlDbType.Integer, cancellationToken);
        await copy.WriteAsync(fact.Value, NpgsqlDbType.Numeric, cancellationToken);
        await copy.WriteAsync(fact.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
        await WriteAsync(copy, fact.Note, NpgsqlDbType.Varchar, cancellationToken);
        await WriteAsync(copy, fact.WholeIndicatorSk, NpgsqlDbType.Integer, cancellationToken);
        await WriteAsync(copy, fact.WholePeriodSk, NpgsqlDbType.Integer, cancellationToken);
        Count++;
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

    private static Task WriteAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    private static Task WriteAsync(NpgsqlBinaryImporter copy, int? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is { } v ? copy.WriteAsync(v, type, cancellationToken) : copy.WriteNullAsync(cancellationToken);
}
