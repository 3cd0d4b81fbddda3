using System.Data.Common;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// <c>governance rollups check</c>: makes every roll-up again from the facts and the areas into temporary tables, with
/// the statements a rebuild runs, and compares them with the stored ones row by row and column by column; also whether
/// the inputs are the catalogue's, the years of expected units those of the facts, and the roll-ups marked current; and
/// the kept rankings with the ones made again from the facts (<see cref="RankingCheck"/>).
/// </summary>
public static class RollupCheck
{
    /// <summary>Differences listed in full; the rest are counted.</summary>
    public const int MaxListed = 100;

    /// <summary>Runs in the context's open transaction, which should read one snapshot (a read transaction, repeatable read).</summary>
    public static async Task<RollupCheckResult> RunAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        AccessScope.Current = null;
        var found = new RollupDifferences(MaxListed);
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
        var (first, last) = (low is { } l ? PeriodSurrogateKey.YearOf(l) - 1 : (int?)null, high is { } h ? PeriodSurrogateKey.YearOf(h) : (int?)null);
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
                rows += await builder.TotalsAsync(spec, stored[(spec.Signature, spec.Grain)], "", PeriodSurrogateKey.YearOf(f), PeriodSurrogateKey.YearOf(t), cancellationToken);
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
        await RollupComparison.TotalsAsync(db, tables.Totals, found, names, scales, cancellationToken);
        await RollupComparison.ExpectedAsync(db, tables.Expected, found, cancellationToken);
        rows += await RankingCheck.CompareAsync(db, found, cancellationToken);
        await DropTablesAsync(db, tables, cancellationToken);
        rows += await DistributionRollups.CompareAsync(db, found, cancellationToken);
        return new RollupCheckResult(state.Version, version, rows, found.Count, found.Listed);
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

    internal static DbCommand Command(WarehouseDbContext db, string sql)
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

    private static string Years(int? first, int? last) => first is null ? "no years" : $"{first}-{last}";
}
