using System.Data.Common;
using Governance.Etl.Validation;

namespace Governance.Etl.Loading;

/// <summary>SQLite: one prepared INSERT reused for every row, inside the load's single (IMMEDIATE) transaction.</summary>
internal sealed class SqliteFactStaging(DbConnection connection, DbTransaction transaction) : FactStaging(connection, transaction)
{
    private DbCommand? _insert;
    private DbParameter[] _parameters = [];

    public override async Task CreateAsync(CancellationToken cancellationToken)
    {
        // A pooled connection may still hold the table of an earlier load.
        await ExecuteAsync("DROP TABLE IF EXISTS temp.stg_fact", cancellationToken);
        await ExecuteAsync(
            """
            CREATE TEMP TABLE stg_fact (
                seq INTEGER NOT NULL, sheet TEXT NULL, line INTEGER NOT NULL, column_name TEXT NULL, raw_value TEXT NULL,
                area_sk INTEGER NOT NULL, period_sk INTEGER NOT NULL, indicator_sk INTEGER NOT NULL, value NUMERIC NOT NULL,
                status TEXT NOT NULL, note TEXT NULL, whole_indicator_sk INTEGER NULL, whole_period_sk INTEGER NULL)
            """,
            cancellationToken);
        _insert = Command("INSERT INTO stg_fact VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)");
        _parameters = Enumerable.Range(0, 13).Select(i => Parameter(_insert, $"@p{i}", null)).ToArray();
        await _insert.PrepareAsync(cancellationToken);
    }

    public override async ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken)
    {
        var p = _parameters;
        p[0].Value = seq;
        p[1].Value = (object?)fact.At.Sheet ?? DBNull.Value;
        p[2].Value = fact.At.Line;
        p[3].Value = (object?)fact.At.Column ?? DBNull.Value;
        p[4].Value = fact.RawValue;
        p[5].Value = fact.AreaSk;
        p[6].Value = fact.PeriodSk;
        p[7].Value = fact.IndicatorSk;
        p[8].Value = fact.Value;
        p[9].Value = fact.Status.ToString();
        p[10].Value = (object?)fact.Note ?? DBNull.Value;
        p[11].Value = (object?)fact.WholeIndicatorSk ?? DBNull.Value;
        p[12].Value = (object?)fact.WholePeriodSk ?? DBNull.Value;
        await _insert!.ExecuteNonQueryAsync(cancellationToken);
        Count++;
    }

    public override async Task CompleteAsync(CancellationToken cancellationToken) =>
        await ExecuteAsync("CREATE INDEX temp.ix_stg_fact_key ON stg_fact (area_sk, period_sk, indicator_sk)", cancellationToken);

    public override Task<(int Inserted, int Updated, int Unchanged)> MergeAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken) =>
        MergeWithUpsertAsync(batchId, now, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}
