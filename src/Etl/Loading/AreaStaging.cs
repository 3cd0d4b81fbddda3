using System.Data.Common;
using System.Globalization;
using Governance.Etl.Readers;
using Governance.Etl.Validation;
using Governance.Warehouse;
using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Loading;

/// <summary>
/// The set-based steps of an area list's load, on temporary tables of the load's connection and transaction. The file's
/// valid rows are bulk-written into <c>stg_area</c>. A code the file names once, and no merge names, the database
/// decides alone with <see cref="AreaChanges"/>' rules for one row: new to the warehouse, it is inserted; otherwise its
/// row, beside the code's latest version, restates it (unchanged), closes it (a valid_to), opens a version after it (a
/// new name or class from a later valid_from) or reopens the closed code. Every other row (a code twice in the file, a
/// merge and the areas it names, a row its rules reject, whose message quotes the version) comes back, with its code's
/// versions and lineage, to <see cref="AreaChanges"/> itself, and what it decides is bulk-written. So a national list,
/// its reload and its yearly re-classification of villages all run in statements over the whole file.
/// </summary>
internal sealed class AreaStaging(WarehouseProvider provider, DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private const int TimeoutSeconds = 3600;

    private static readonly BulkColumn[] FileColumns =
    [
        new("seq", BulkType.Long, Key: true),
        new("sheet", BulkType.Text, Nullable: true),
        new("line", BulkType.Int),
        new("code", BulkType.Text),
        new("name", BulkType.Text, Wide: true),
        new("stored_name", BulkType.Text, Nullable: true),
        new("urban_rural", BulkType.Text, Nullable: true),
        new("valid_from", BulkType.Date, Nullable: true),
        new("valid_to", BulkType.Date, Nullable: true),
        new("day_before", BulkType.Date, Nullable: true),
        new("valid_from_raw", BulkType.Text, Nullable: true),
        new("replaces", BulkType.Text, Nullable: true, Wide: true),
        new("level", BulkType.Text),
        new("kind", BulkType.Text),
        new("parent_code", BulkType.Text, Nullable: true),
    ];

    private static readonly BulkColumn[] ReplacedColumns = [new("code", BulkType.Text)];

    private static readonly BulkColumn[] MemoryColumns = [new("code", BulkType.Text, Key: true)];

    private static readonly BulkColumn[] VersionColumns =
    [
        new("seq", BulkType.Long),
        new("area_code", BulkType.Text),
        new("name", BulkType.Text),
        new("level", BulkType.Text),
        new("kind", BulkType.Text),
        new("parent_code", BulkType.Text, Nullable: true),
        new("urban_rural_class", BulkType.Text, Nullable: true),
        new("valid_from", BulkType.Date),
        new("valid_to", BulkType.Date, Nullable: true),
    ];

    private static readonly BulkColumn[] CloseColumns = [new("area_sk", BulkType.Int, Key: true), new("valid_to", BulkType.Date)];

    private static readonly BulkColumn[] DecisionColumns =
    [
        new("seq", BulkType.Long),
        new("latest_sk", BulkType.Int),
        new("action", BulkType.Text),
        new("close_to", BulkType.Date, Nullable: true),
    ];

    private static readonly BulkColumn[] LineageColumns = [new("area_code", BulkType.Text), new("replaced_code", BulkType.Text), new("effective_date", BulkType.Date)];

    private readonly List<string> _replaced = [];
    private BulkRows? _file;

    /// <summary>Valid rows staged.</summary>
    public long Count { get; private set; }

    /// <summary>The codes <see cref="AreaChanges"/> decides: their rows, versions and lineage are read back.</summary>
    public string Memory => Table("stg_area_memory");

    private string File => Table("stg_area");

    private string Replaced => Table("stg_area_replaced");

    private string Version => Table("stg_area_version");

    private string Close => Table("stg_area_close");

    private string Decision => Table("stg_area_decision");

    private string True => provider switch
    {
        WarehouseProvider.Postgres => "TRUE",
        WarehouseProvider.SqlServer => "CAST(1 AS bit)",
        _ => "1",
    };

    private string False => provider switch
    {
        WarehouseProvider.Postgres => "FALSE",
        WarehouseProvider.SqlServer => "CAST(0 AS bit)",
        _ => "0",
    };

    /// <summary>The versions of the codes <see cref="AreaChanges"/> decides (for FromSqlRaw on dim_area).</summary>
    public string MemoryVersionsSql => $"SELECT a.* FROM dim_area a WHERE a.area_code IN (SELECT m.code FROM {Memory} m)";

    /// <summary>The lineage of those codes as successors (for FromSqlRaw on dim_area_lineage).</summary>
    public string MemoryLineageSql => $"SELECT l.* FROM dim_area_lineage l WHERE l.area_code IN (SELECT m.code FROM {Memory} m)";

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await DropAsync(cancellationToken); // a pooled SQLite connection may still hold the tables of an earlier load
        if (provider == WarehouseProvider.Postgres)
        {
            // As the fact loader's staging: the file's codes hash in memory, and no JIT compiles these one-off statements.
            await ExecuteAsync("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off", cancellationToken);
        }
        else if (provider == WarehouseProvider.Sqlite)
        {
            // The fact loader's 24 MiB page cache (SqliteFactStaging): with SQLite's 2 MiB the staging table and
            // dim_area's four indexes go through the disk.
            await ExecuteAsync("PRAGMA cache_size = -24576", cancellationToken);
        }

        foreach (var (name, columns) in new[] { ("stg_area", FileColumns), ("stg_area_replaced", ReplacedColumns), ("stg_area_memory", MemoryColumns), ("stg_area_version", VersionColumns), ("stg_area_close", CloseColumns), ("stg_area_decision", DecisionColumns) })
        {
            var definition = string.Join(", ", columns.Select(c => c.Definition(provider)));
            await ExecuteAsync(
                provider switch
                {
                    WarehouseProvider.Postgres => $"CREATE TEMP TABLE {name} ({definition}) ON COMMIT DROP",
                    WarehouseProvider.SqlServer => $"CREATE TABLE #{name} ({definition})",
                    _ => $"CREATE TEMP TABLE {name} ({definition})",
                },
                cancellationToken);
        }

        _file = await BulkRows.OpenAsync(provider, connection, transaction, File, FileColumns, cancellationToken);
    }

    /// <summary>Stages one valid row of the file (in file order).</summary>
    public async ValueTask AddAsync(AreaRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        var file = _file!;
        file.Add(++Count);
        file.Add(row.Source.Sheet);
        file.Add(row.Source.Line);
        file.Add(row.Code.Value);
        file.Add(row.Name);
        file.Add(row.Name.Length > AreaChanges.NameLength ? row.Name[..AreaChanges.NameLength] : null);
        file.Add(row.UrbanRural);
        file.Add(row.ValidFrom);
        file.Add(row.ValidTo);
        file.Add(row.ValidFrom?.AddDays(-1));
        file.Add(row.Source[AreaColumns.ValidFrom] is { Length: > 0 } raw ? raw : null);
        file.Add(row.Replaces.Count == 0 ? null : string.Join(',', row.Replaces));
        file.Add(row.Code.Level.ToString());
        file.Add(row.Code.Kind.ToString());
        file.Add(row.Code.ParentCode);
        await file.EndRowAsync(cancellationToken);
        _replaced.AddRange(row.Replaces);
    }

    /// <summary>Ends the staging, then finds the codes the set-based steps cannot decide alone.</summary>
    public async Task ClassifyAsync(LoadPhases phases, CancellationToken cancellationToken)
    {
        await _file!.CompleteAsync(cancellationToken);
        await using (var replaced = await BulkRows.OpenAsync(provider, connection, transaction, Replaced, ReplacedColumns, cancellationToken))
        {
            foreach (var code in _replaced)
            {
                replaced.Add(code);
                await replaced.EndRowAsync(cancellationToken);
            }

            await replaced.CompleteAsync(cancellationToken);
        }

        await ExecuteAsync(
            provider switch
            {
                // Fresh statistics instead of an index: PostgreSQL hash-joins the whole staging table.
                WarehouseProvider.Postgres => "ANALYZE stg_area; ANALYZE stg_area_replaced",
                WarehouseProvider.SqlServer => "CREATE INDEX ix_stg_area_code ON #stg_area (code)",
                _ => "CREATE INDEX temp.ix_stg_area_code ON stg_area (code)",
            },
            cancellationToken);
        phases.Mark("index staging");

        // The codes only AreaChanges decides: named twice, merging or merged.
        await ExecuteAsync(
            $"""
            INSERT INTO {Memory} (code)
            SELECT code FROM {File} GROUP BY code HAVING COUNT(*) > 1
            UNION SELECT code FROM {Replaced}
            UNION SELECT code FROM {File} WHERE replaces IS NOT NULL
            """,
            cancellationToken);

        // Every other row of a loaded code beside the code's latest version: the one no later valid_from follows
        // (AreaChanges orders a code's versions by it). As an anti join PostgreSQL hashes it, where a correlated MAX ran
        // two index probes a row (18 s against 2.5 s at 669,659 areas). The cases are AreaChanges.Apply's, in its order;
        // a NULL in a comparison falls through to the next case as a difference does there. A row that restates its
        // version is not kept: a reload of the national list writes nothing here.
        await ExecuteAsync(
            $"""
            INSERT INTO {Decision} (seq, latest_sk, action, close_to)
            SELECT seq, latest_sk, action,
                CASE WHEN action = 'close' THEN valid_to
                    WHEN action = 'version' AND (latest_to IS NULL OR latest_to >= valid_from) THEN day_before END
            FROM (
                SELECT s.seq, s.valid_from, s.valid_to, s.day_before, l.area_sk AS latest_sk, l.valid_to AS latest_to,
                    CASE
                        WHEN l.valid_to IS NOT NULL AND s.valid_from IS NOT NULL AND s.valid_from > l.valid_to THEN 'reopen'
                        WHEN l.name = s.name AND (s.urban_rural IS NULL OR s.urban_rural = l.urban_rural_class) THEN
                            CASE WHEN s.valid_to IS NULL OR s.valid_to = l.valid_to THEN 'same'
                                WHEN s.valid_to < l.valid_from THEN 'reject'
                                ELSE 'close' END
                        WHEN s.valid_from IS NULL OR s.valid_from <= l.valid_from THEN 'reject'
                        ELSE 'version'
                    END AS action
                FROM {File} s
                INNER JOIN dim_area l ON l.area_code = s.code
                WHERE NOT EXISTS (SELECT 1 FROM dim_area n WHERE n.area_code = l.area_code AND n.valid_from > l.valid_from)
                    AND NOT EXISTS (SELECT 1 FROM {Memory} m WHERE m.code = s.code)) d
            WHERE action <> 'same'
            """,
            cancellationToken);

        // A row its rules reject goes to AreaChanges, which words the reject.
        await ExecuteAsync($"INSERT INTO {Memory} (code) SELECT s.code FROM {Decision} d INNER JOIN {File} s ON s.seq = d.seq WHERE d.action = 'reject'", cancellationToken);
        await ExecuteAsync($"DELETE FROM {Decision} WHERE action = 'reject'", cancellationToken);
        if (provider == WarehouseProvider.Postgres)
        {
            await ExecuteAsync("ANALYZE stg_area_memory; ANALYZE stg_area_decision", cancellationToken);
        }
    }

    /// <summary>The rows the database decided to change a loaded area with (a closing, a new version, a reopening).</summary>
    public async Task<int> DecidedChangesAsync(CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT COUNT(*) FROM {Decision}");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The codes the database decided to change (a version opened, reopened or closed) or will insert as new, for the
    /// maintainers that refresh what depends on areas; read before <see cref="InsertNewAsync"/>.
    /// </summary>
    public async Task<IReadOnlyCollection<string>> ChangedCodesAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT s.code FROM {Decision} d INNER JOIN {File} s ON s.seq = d.seq
            UNION
            SELECT s.code FROM {File} s
            WHERE NOT EXISTS (SELECT 1 FROM {Memory} m WHERE m.code = s.code)
                AND NOT EXISTS (SELECT 1 FROM dim_area a WHERE a.area_code = s.code)
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            codes.Add(reader.GetString(0));
        }

        return codes;
    }

    /// <summary>The staged rows of the codes <see cref="AreaChanges"/> decides, in file order.</summary>
    public async Task<IReadOnlyList<AreaRow>> MemoryRowsAsync(CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT s.sheet, s.line, s.code, s.name, s.urban_rural, s.valid_from, s.valid_to, s.valid_from_raw, s.replaces
            FROM {File} s
            WHERE s.code IN (SELECT m.code FROM {Memory} m)
            ORDER BY s.seq
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AreaRow>();
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            DateOnly? Date(int i) => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
            {
                DateOnly date => date,
                DateTime time => DateOnly.FromDateTime(time),
                var text => DateOnly.ParseExact(Convert.ToString(text, CultureInfo.InvariantCulture)!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            };

            // The row as far as AreaChanges reads its source: where it was, and the valid_from its rejects quote.
            var source = new NamedRow(Text(0), reader.GetInt32(1), new Dictionary<string, string>(StringComparer.Ordinal) { [AreaColumns.ValidFrom] = Text(7) ?? "" });
            var replaces = Text(8)?.Split(',') ?? [];
            rows.Add(new AreaRow(source, AreaCode.Parse(reader.GetString(2)), reader.GetString(3), Text(4), Date(5), Date(6), replaces));
        }

        return rows;
    }

    /// <summary>
    /// Inserts the areas new to the warehouse that AreaChanges does not decide, then the versions the database decided to
    /// open; returns how many areas were new. Each is its code's only new version, so the order of their keys carries
    /// nothing (a code's versions still number in the order of their validity), and PostgreSQL is spared a sort of the
    /// whole file.
    /// </summary>
    public async Task<int> InsertNewAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var inserted = await ExecuteAsync(
            $"""
            INSERT INTO dim_area (area_code, name, level, kind, parent_code, urban_rural_class, valid_from, valid_to, is_current, loaded_at)
            SELECT s.code, COALESCE(s.stored_name, s.name), s.level, s.kind, s.parent_code, s.urban_rural, COALESCE(s.valid_from, @beginning), s.valid_to,
                CASE WHEN s.valid_to IS NULL THEN {True} ELSE {False} END, @now
            FROM {File} s
            WHERE NOT EXISTS (SELECT 1 FROM {Memory} m WHERE m.code = s.code)
                AND NOT EXISTS (SELECT 1 FROM dim_area a WHERE a.area_code = s.code)
            """,
            cancellationToken,
            ("@beginning", AreaRow.Beginning),
            ("@now", now));

        // The decided closings first into the closing table: the new versions below belong to the same codes.
        await ExecuteAsync($"INSERT INTO {Close} (area_sk, valid_to) SELECT latest_sk, close_to FROM {Decision} WHERE close_to IS NOT NULL", cancellationToken);
        await ExecuteAsync(
            $"""
            INSERT INTO dim_area (area_code, name, level, kind, parent_code, urban_rural_class, valid_from, valid_to, is_current, loaded_at)
            SELECT s.code, COALESCE(s.stored_name, s.name), s.level, s.kind, s.parent_code, s.urban_rural, s.valid_from, s.valid_to,
                CASE WHEN s.valid_to IS NULL THEN {True} ELSE {False} END, @now
            FROM {Decision} d
            INNER JOIN {File} s ON s.seq = d.seq
            WHERE d.action IN ('reopen', 'version')
            """,
            cancellationToken,
            ("@now", now));
        return inserted;
    }

    /// <summary>Writes what <see cref="AreaChanges"/> decided (its new versions, the loaded versions it closed, its lineage) and every closing.</summary>
    public async Task WriteAsync(AreaChanges changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Added.Count > 0)
        {
            await using (var versions = await BulkRows.OpenAsync(provider, connection, transaction, Version, VersionColumns, cancellationToken))
            {
                var seq = 0L;
                foreach (var area in changes.Added)
                {
                    versions.Add(++seq);
                    versions.Add(area.AreaCode);
                    versions.Add(area.Name);
                    versions.Add(area.Level.ToString());
                    versions.Add(area.Kind.ToString());
                    versions.Add(area.ParentCode);
                    versions.Add(area.UrbanRuralClass);
                    versions.Add(area.ValidFrom);
                    versions.Add(area.ValidTo);
                    await versions.EndRowAsync(cancellationToken);
                }

                await versions.CompleteAsync(cancellationToken);
            }

            // A version opened by this file is current unless the file also closed it (AreaChanges keeps the two together).
            await ExecuteAsync(
                $"""
                INSERT INTO dim_area (area_code, name, level, kind, parent_code, urban_rural_class, valid_from, valid_to, is_current, loaded_at)
                SELECT v.area_code, v.name, v.level, v.kind, v.parent_code, v.urban_rural_class, v.valid_from, v.valid_to,
                    CASE WHEN v.valid_to IS NULL THEN {True} ELSE {False} END, @now
                FROM {Version} v
                ORDER BY v.seq
                """,
                cancellationToken,
                ("@now", now));
        }

        var closed = changes.Modified.Where(a => a.AreaSk != 0).ToList();
        if (closed.Count > 0)
        {
            // Beside the closings the database decided (InsertNewAsync): other codes, so other keys.
            await using (var closes = await BulkRows.OpenAsync(provider, connection, transaction, Close, CloseColumns, cancellationToken))
            {
                foreach (var area in closed)
                {
                    closes.Add(area.AreaSk);
                    closes.Add(area.ValidTo);
                    await closes.EndRowAsync(cancellationToken);
                }

                await closes.CompleteAsync(cancellationToken);
            }
        }

        await ExecuteAsync(
            $"""
            UPDATE dim_area SET valid_to = (SELECT c.valid_to FROM {Close} c WHERE c.area_sk = dim_area.area_sk), is_current = {False}
            WHERE area_sk IN (SELECT c.area_sk FROM {Close} c)
            """,
            cancellationToken);

        if (changes.Lineage.Count > 0)
        {
            await using var lineage = await BulkRows.OpenAsync(provider, connection, transaction, "dim_area_lineage", LineageColumns, cancellationToken);
            foreach (var link in changes.Lineage)
            {
                lineage.Add(link.AreaCode);
                lineage.Add(link.ReplacedCode);
                lineage.Add(link.EffectiveDate);
                await lineage.EndRowAsync(cancellationToken);
            }

            await lineage.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>Drops the tables at the end of a load (PostgreSQL drops them at commit).</summary>
    public Task DropAsync(CancellationToken cancellationToken) => provider switch
    {
        WarehouseProvider.Postgres => Task.CompletedTask,
        WarehouseProvider.SqlServer => ExecuteAsync(
            "DROP TABLE IF EXISTS #stg_area; DROP TABLE IF EXISTS #stg_area_replaced; DROP TABLE IF EXISTS #stg_area_memory; DROP TABLE IF EXISTS #stg_area_version; DROP TABLE IF EXISTS #stg_area_close; DROP TABLE IF EXISTS #stg_area_decision",
            cancellationToken),
        _ => ExecuteAsync(
            "DROP TABLE IF EXISTS temp.stg_area; DROP TABLE IF EXISTS temp.stg_area_replaced; DROP TABLE IF EXISTS temp.stg_area_memory; DROP TABLE IF EXISTS temp.stg_area_version; DROP TABLE IF EXISTS temp.stg_area_close; DROP TABLE IF EXISTS temp.stg_area_decision",
            cancellationToken),
    };

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }

    private string Table(string name) => provider == WarehouseProvider.SqlServer ? "#" + name : name;

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = TimeoutSeconds;
        return command;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            FactStaging.Parameter(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
