using System.Data.Common;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Loading;

/// <summary>
/// A temporary table <c>stg_fact</c> on the load's connection and transaction: valid rows are bulk-written into it with the
/// engine's fast path, then the file-wide rules and the merge into fct_indicator_value run set-based in the database.
/// </summary>
internal abstract class FactStaging(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    protected const int BulkTimeoutSeconds = 3600;
    private const int RemoveChunk = 500;

    protected DbConnection Connection => connection;

    protected DbTransaction Transaction => transaction;

    /// <summary>Rows added (less those removed).</summary>
    public long Count { get; protected set; }

    public static FactStaging For(WarehouseProvider provider, DbConnection connection, DbTransaction transaction) => provider switch
    {
        WarehouseProvider.Postgres => new PostgresFactStaging(connection, transaction),
        WarehouseProvider.SqlServer => new SqlServerFactStaging(connection, transaction),
        _ => new SqliteFactStaging(connection, transaction),
    };

    /// <summary>The staging table's name in SQL (SQL Server's temporary tables start with #).</summary>
    public virtual string Table => "stg_fact";

    public abstract Task CreateAsync(CancellationToken cancellationToken);

    public abstract ValueTask AddAsync(long seq, StagedFact fact, CancellationToken cancellationToken);

    /// <summary>Flushes buffered rows and indexes the table for the set-based steps.</summary>
    public abstract Task CompleteAsync(CancellationToken cancellationToken);

    /// <summary>Writes staged rows into fct_indicator_value; superseded values go to history. Returns (inserted, updated, unchanged).</summary>
    public abstract Task<(int Inserted, int Updated, int Unchanged)> MergeAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A value restated after its area gained a version (a rename dated inside the period) resolves to the newer version,
    /// while the value loaded before it stays under the older one: two facts for one code, period and indicator, which
    /// every roll-up would add up. Staged rows take over the version of the fact already loaded for their code, so the
    /// merge replaces that fact (keeping it in history) instead of adding a second one. Only codes with several versions
    /// can meet this; the loader skips the statement when the warehouse has none.
    /// </summary>
    public Task<int> AdoptLoadedVersionsAsync(CancellationToken cancellationToken) => ExecuteAsync(
        $"""
        UPDATE {Table} SET area_sk = COALESCE((
            SELECT MIN(f.area_sk)
            FROM fct_indicator_value f
            INNER JOIN dim_area loaded ON loaded.area_sk = f.area_sk
            INNER JOIN dim_area staged ON staged.area_code = loaded.area_code
            WHERE staged.area_sk = {Table}.area_sk AND f.period_sk = {Table}.period_sk AND f.indicator_sk = {Table}.indicator_sk
                AND f.area_sk <> {Table}.area_sk), area_sk)
        WHERE area_sk IN (SELECT a.area_sk FROM dim_area a WHERE a.area_code IN (SELECT area_code FROM dim_area GROUP BY area_code HAVING COUNT(*) > 1))
        """,
        cancellationToken);

    /// <summary>Deletes staged rows by seq, a chunk of them per statement (the staging table has no index to seek).</summary>
    public async Task RemoveAsync(IReadOnlyCollection<long> seqs, CancellationToken cancellationToken)
    {
        foreach (var chunk in seqs.Chunk(RemoveChunk))
        {
            await using var command = Command($"DELETE FROM {Table} WHERE seq IN ({string.Join(", ", chunk.Select((_, i) => $"@s{i}"))})");
            for (var i = 0; i < chunk.Length; i++)
            {
                Parameter(command, $"@s{i}", chunk[i]);
            }

            Count -= await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public DbCommand Command(string sql, int timeoutSeconds = BulkTimeoutSeconds)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = timeoutSeconds;
        return command;
    }

    public static DbParameter Parameter(DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    protected async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            Parameter(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected async Task<(int Matched, int Changed)> CountMatchesAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT COUNT(*), COALESCE(SUM(CASE WHEN {Changed} THEN 1 ELSE 0 END), 0)
            FROM {Table} s
            INNER JOIN fct_indicator_value f ON f.area_sk = s.area_sk AND f.period_sk = s.period_sk AND f.indicator_sk = s.indicator_sk
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Staged positive values beside the same key's positive value a year earlier, by indicator (for the outlier check),
    /// read after the merge (unless <see cref="PairsBeforeMerge"/>). A correlated primary-key lookup: SQLite planned the
    /// join against the unanalysed staging table as a nested scan.
    /// </summary>
    public virtual string PreviousYearPairs =>
        $"""
        SELECT indicator_sk, area_sk, period_sk, value, previous
        FROM (
            SELECT s.indicator_sk, s.area_sk, s.period_sk, s.value,
                (SELECT p.value FROM fct_indicator_value p
                 WHERE p.area_sk = s.area_sk AND p.period_sk = s.period_sk - {PeriodSurrogateKey.PerYear} AND p.indicator_sk = s.indicator_sk) AS previous
            FROM {Table} s
            WHERE s.value > 0) pairs
        WHERE previous > 0
        ORDER BY indicator_sk
        """;

    /// <summary>
    /// Whether <see cref="PreviousYearPairs"/> is read before the merge: then a year-earlier value is the staged one where
    /// the file has it (the merge will write it) and the warehouse's otherwise, the same pairs as after the merge.
    /// </summary>
    public virtual bool PairsBeforeMerge => false;

    /// <summary>A staged row differs from the fact it would replace.</summary>
    protected const string Changed = "(f.value <> s.value OR f.status <> s.status OR COALESCE(f.note, '') <> COALESCE(s.note, ''))";

    protected string HistoryInsert =>
        $"""
        INSERT INTO fct_indicator_value_history (area_sk, period_sk, indicator_sk, value, status, note, load_batch_id, loaded_at, superseded_by_batch_id, superseded_at)
        SELECT f.area_sk, f.period_sk, f.indicator_sk, f.value, f.status, f.note, f.load_batch_id, f.loaded_at, @batch, @now
        FROM {Table} s
        INNER JOIN fct_indicator_value f ON f.area_sk = s.area_sk AND f.period_sk = s.period_sk AND f.indicator_sk = s.indicator_sk
        WHERE {Changed}
        """;

    /// <summary>PostgreSQL and SQLite share this upsert; an unchanged value keeps the batch that first wrote it.</summary>
    protected string Upsert =>
        $"""
        INSERT INTO fct_indicator_value (area_sk, period_sk, indicator_sk, value, status, note, load_batch_id, loaded_at)
        SELECT s.area_sk, s.period_sk, s.indicator_sk, s.value, s.status, s.note, @batch, @now
        FROM {Table} s
        WHERE true
        ON CONFLICT (area_sk, period_sk, indicator_sk) DO UPDATE SET
            value = excluded.value, status = excluded.status, note = excluded.note,
            load_batch_id = excluded.load_batch_id, loaded_at = excluded.loaded_at
        WHERE fct_indicator_value.value <> excluded.value OR fct_indicator_value.status <> excluded.status
            OR COALESCE(fct_indicator_value.note, '') <> COALESCE(excluded.note, '')
        """;

    /// <summary>Nothing to supersede: a plain insert, without the history join or the per-row conflict check.</summary>
    protected string PlainInsert =>
        $"""
        INSERT INTO fct_indicator_value (area_sk, period_sk, indicator_sk, value, status, note, load_batch_id, loaded_at)
        SELECT s.area_sk, s.period_sk, s.indicator_sk, s.value, s.status, s.note, @batch, @now
        FROM {Table} s
        """;

    protected async Task<(int Inserted, int Updated, int Unchanged)> MergeWithUpsertAsync(long batchId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (matched, changed) = await CountMatchesAsync(cancellationToken);
        if (matched == 0)
        {
            await ExecuteAsync(PlainInsert, cancellationToken, ("@batch", batchId), ("@now", now));
            return (checked((int)Count), 0, 0);
        }

        await ExecuteAsync(HistoryInsert, cancellationToken, ("@batch", batchId), ("@now", now));
        await ExecuteAsync(Upsert, cancellationToken, ("@batch", batchId), ("@now", now));
        return (checked((int)Count) - matched, changed, matched - changed);
    }
}
