using System.Data.Common;
using System.Globalization;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// <c>governance rollups check</c>: makes every roll-up again from the facts and the areas into temporary tables, with
/// the statements a rebuild runs, and compares them with the stored ones row by row and column by column; also whether
/// the inputs are the catalogue's, the years of expected units those of the facts, and the roll-ups marked current.
/// </summary>
public static class RollupCheck
{
    /// <summary>Differences listed in full; the rest are counted.</summary>
    public const int MaxListed = 100;

    private static readonly string[] TotalColumns = ["value_sum", "weight_sum", "meeting_count", "unit_count"];

    /// <summary>Runs in the context's open transaction, which should read one snapshot (a read transaction, repeatable read).</summary>
    public static async Task<RollupCheckResult> RunAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        AccessScope.Current = null;
        var found = new Differences();
        var version = await WarehouseVersion.ReadAsync(db, cancellationToken);
        var state = await new RollupMaintenance(db, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance).StateAsync(cancellationToken);
        var catalogue = await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal, cancellationToken);
        var specs = RollupSpec.FromCatalogue(catalogue);
        var inputs = await db.RollupInputs.AsNoTracking().ToListAsync(cancellationToken);
        var names = inputs.ToDictionary(i => i.InputSk, i => Describe(i, catalogue.Values));
        var stored = inputs.ToDictionary(i => (i.Signature, i.Grain), i => i.InputSk);
        foreach (var spec in specs.Where(s => !stored.ContainsKey((s.Signature, s.Grain))))
        {
            found.Add($"input {spec.Signature} at {spec.Grain}: missing from agg_input, so none of its rows is kept");
        }

        var wanted = specs.Select(s => (s.Signature, s.Grain)).ToHashSet();
        foreach (var unused in inputs.Where(i => !wanted.Contains((i.Signature, i.Grain))))
        {
            found.Add($"{names[unused.InputSk]}: no indicator reads this input any more");
        }

        var low = await db.IndicatorValues.MinAsync(v => (int?)v.PeriodSk, cancellationToken);
        var high = await db.IndicatorValues.MaxAsync(v => (int?)v.PeriodSk, cancellationToken);
        var (first, last) = (low / 1000 - 1, high / 1000);
        if (state.FirstYear != first || state.LastYear != last)
        {
            found.Add($"expected units: kept for {Years(state.FirstYear, state.LastYear)}, the facts need {Years(first, last)}");
        }

        var tables = await CreateTablesAsync(db, cancellationToken);
        var builder = new RollupBuilder(db, tables);
        var rows = 0;
        foreach (var spec in specs.Where(s => stored.ContainsKey((s.Signature, s.Grain))))
        {
            var sk = spec.Input.Base.IndicatorSk;
            var from = await db.IndicatorValues.Where(v => v.IndicatorSk == sk).MinAsync(v => (int?)v.PeriodSk, cancellationToken);
            var to = await db.IndicatorValues.Where(v => v.IndicatorSk == sk).MaxAsync(v => (int?)v.PeriodSk, cancellationToken);
            if (from is { } f && to is { } t)
            {
                rows += await builder.TotalsAsync(spec, stored[(spec.Signature, spec.Grain)], "", f / 1000, t / 1000, cancellationToken);
            }
        }

        if (first is { } firstYear && last is { } lastYear)
        {
            foreach (var combination in ExpectedCombination.FromCatalogue(catalogue))
            {
                rows += await builder.ExpectedAsync(combination.Capture, combination.Kinds, combination.Grain, "", firstYear, lastYear, cancellationToken);
            }
        }

        var scales = inputs.ToDictionary(i => i.InputSk, i => i.SumScale);
        await CompareTotalsAsync(db, tables.Totals, found, names, scales, cancellationToken);
        await CompareExpectedAsync(db, tables.Expected, found, cancellationToken);
        await DropTablesAsync(db, tables, cancellationToken);
        return new RollupCheckResult(state.Version, version, rows, found.Count, found.Listed);
    }

    private static async Task CompareTotalsAsync(WarehouseDbContext db, string check, Differences found, Dictionary<int, string> names, Dictionary<int, int> scales, CancellationToken cancellationToken)
    {
        const string Key = "c.input_sk = s.input_sk AND c.area_level = s.area_level AND c.area_code = s.area_code AND c.period_sk = s.period_sk";
        var sql = $"""
            SELECT s.input_sk, s.area_level, s.area_code, s.period_sk, s.value_sum, s.weight_sum, s.meeting_count, s.unit_count,
                c.value_sum, c.weight_sum, c.meeting_count, c.unit_count, CASE WHEN c.input_sk IS NULL THEN 1 ELSE 0 END
            FROM agg_total s
            LEFT JOIN {check} c ON {Key}
            WHERE c.input_sk IS NULL OR c.value_sum <> s.value_sum OR c.weight_sum <> s.weight_sum OR c.meeting_count <> s.meeting_count OR c.unit_count <> s.unit_count
            UNION ALL
            SELECT c.input_sk, c.area_level, c.area_code, c.period_sk, NULL, NULL, NULL, NULL, c.value_sum, c.weight_sum, c.meeting_count, c.unit_count, 2
            FROM {check} c
            LEFT JOIN agg_total s ON {Key}
            WHERE s.input_sk IS NULL
            ORDER BY 1, 2, 3, 4
            """;
        await using var command = Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sk = reader.GetInt32(0);
            var where = $"{names.GetValueOrDefault(sk, $"input {sk}")} {RollupLevels.Name(reader.GetInt32(1))} {reader.GetString(2)} {Period(reader.GetInt32(3))}";
            var scale = scales.GetValueOrDefault(sk, 4);
            string Value(int column, int i) => i == 0 ? Scaled(reader.GetInt64(column), scale) : i == 1 ? Scaled(reader.GetInt64(column), 4) : Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
            string All(int start) => string.Join(", ", TotalColumns.Select((c, i) => $"{c} {Value(start + i, i)}"));
            switch (reader.GetInt32(12))
            {
                case 1:
                    found.Add($"{where}: stored row the facts do not give ({All(4)})");
                    break;
                case 2:
                    found.Add($"{where}: row missing ({All(8)} expected)");
                    break;
                default:
                    for (var i = 0; i < TotalColumns.Length; i++)
                    {
                        if (Value(4 + i, i) != Value(8 + i, i))
                        {
                            found.Add($"{where} {TotalColumns[i]}: stored {Value(4 + i, i)}, expected {Value(8 + i, i)}");
                        }
                    }

                    break;
            }
        }
    }

    private static async Task CompareExpectedAsync(WarehouseDbContext db, string check, Differences found, CancellationToken cancellationToken)
    {
        const string Key = "c.capture_level = s.capture_level AND c.grain = s.grain AND c.area_level = s.area_level AND c.area_code = s.area_code AND c.period_sk = s.period_sk";
        var sql = $"""
            SELECT s.capture_level, s.grain, s.area_level, s.area_code, s.period_sk, s.unit_count, c.unit_count, CASE WHEN c.period_sk IS NULL THEN 1 ELSE 0 END
            FROM agg_expected s
            LEFT JOIN {check} c ON {Key}
            WHERE c.period_sk IS NULL OR c.unit_count <> s.unit_count
            UNION ALL
            SELECT c.capture_level, c.grain, c.area_level, c.area_code, c.period_sk, NULL, c.unit_count, 2
            FROM {check} c
            LEFT JOIN agg_expected s ON {Key}
            WHERE s.period_sk IS NULL
            ORDER BY 1, 2, 3, 4, 5
            """;
        await using var command = Command(db, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var where = $"expected units of {reader.GetString(0)} at {reader.GetString(1)} {RollupLevels.Name(reader.GetInt32(2))} {reader.GetString(3)} {Period(reader.GetInt32(4))}";
            found.Add(reader.GetInt32(7) switch
            {
                1 => $"{where}: stored row the areas do not give (unit_count {reader.GetInt32(5)})",
                2 => $"{where}: row missing (unit_count {reader.GetInt32(6)} expected)",
                _ => $"{where} unit_count: stored {reader.GetInt32(5)}, expected {reader.GetInt32(6)}",
            });
        }
    }

    private static async Task<RollupTables> CreateTablesAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var (tables, create) = db.Provider switch
        {
            WarehouseProvider.SqlServer => (new RollupTables("#chk_agg_total", "#chk_agg_expected"), "CREATE TABLE"),
            WarehouseProvider.Postgres => (new RollupTables("pg_temp.chk_agg_total", "pg_temp.chk_agg_expected"), "CREATE TEMP TABLE"),
            _ => (new RollupTables("temp.chk_agg_total", "temp.chk_agg_expected"), "CREATE TEMP TABLE"),
        };
        var name = (string table) => db.Provider == WarehouseProvider.SqlServer ? table : table[(table.IndexOf('.', StringComparison.Ordinal) + 1)..];
        await DropTablesAsync(db, tables, cancellationToken);
        await ExecuteAsync(db, $"{create} {name(tables.Totals)} (input_sk integer NOT NULL, area_level integer NOT NULL, area_code varchar(12) NOT NULL, period_sk integer NOT NULL, value_sum bigint NOT NULL, weight_sum bigint NOT NULL, meeting_count integer NOT NULL, unit_count integer NOT NULL, PRIMARY KEY (input_sk, area_level, area_code, period_sk))", cancellationToken);
        await ExecuteAsync(db, $"{create} {name(tables.Expected)} (capture_level varchar(32) NOT NULL, grain varchar(8) NOT NULL, area_level integer NOT NULL, area_code varchar(12) NOT NULL, period_sk integer NOT NULL, unit_count integer NOT NULL, PRIMARY KEY (capture_level, grain, area_level, area_code, period_sk))", cancellationToken);
        return tables;
    }

    private static async Task DropTablesAsync(WarehouseDbContext db, RollupTables tables, CancellationToken cancellationToken)
    {
        await ExecuteAsync(db, $"DROP TABLE IF EXISTS {tables.Totals}", cancellationToken);
        await ExecuteAsync(db, $"DROP TABLE IF EXISTS {tables.Expected}", cancellationToken);
    }

    private static async Task ExecuteAsync(WarehouseDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(WarehouseDbContext db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = 3600;
        command.CommandText = sql;
        return command;
    }

    private static string Describe(RollupInput input, IEnumerable<Indicator> catalogue)
    {
        var code = (int sk) => catalogue.FirstOrDefault(i => i.IndicatorSk == sk)?.IndicatorCode ?? $"indicator {sk}";
        var weight = input.WeightIndicatorSk is { } w ? $", weighted by {code(w)}" : "";
        var threshold = input.ThresholdParameter is { } p ? $", {input.ThresholdComparison} {p}" : "";
        return $"{code(input.IndicatorSk)} ({input.WindowMode.ToLowerInvariant()}{weight}{threshold}) at {input.Grain}";
    }

    /// <summary>The period key of a surrogate key (2024000 is 2024, 2024200 is 2024Q2, 2024005 is 202405).</summary>
    private static string Period(int sk)
    {
        var (year, rest) = (sk / 1000, sk % 1000);
        return rest == 0 ? $"{year}" : rest % 100 == 0 ? $"{year}Q{rest / 100}" : $"{year}{rest:00}";
    }

    private static string Scaled(long value, int scale) =>
        (value / (decimal)Math.Pow(10, scale)).ToString(CultureInfo.InvariantCulture);

    private static string Years(int? first, int? last) => first is null ? "no years" : $"{first}-{last}";

    private sealed class Differences
    {
        private readonly List<string> _listed = [];

        public long Count { get; private set; }

        public IReadOnlyList<string> Listed => _listed;

        public void Add(string difference)
        {
            Count++;
            if (_listed.Count < MaxListed)
            {
                _listed.Add(difference);
            }
        }
    }
}
