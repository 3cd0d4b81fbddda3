using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Writes the roll-up rows of a range of years under an area prefix, in the context's open transaction: it deletes what
/// is there, then writes the finest level from the facts through the fact path's own query (<see cref="UnitFacts"/>,
/// grouped as the engine groups it, with exact sums) and each coarser level from the one below it, since every column
/// adds up over disjoint units as reported. Statements run in the database (INSERT ... SELECT); no row comes back.
/// </summary>
internal sealed class RollupBuilder(WarehouseDbContext db, RollupTables tables)
{
    private const int TimeoutSeconds = 3600;
    private const string Within = "area_code >= @first AND area_code <= @last";
    private const string Years = "period_sk >= @low AND period_sk <= @high";

    private static readonly string[] TotalColumns = ["area_code", "period_sk", "value_sum", "weight_sum", "meeting_count", "unit_count"];
    private static readonly string[] TotalMembers = ["AreaCode", "PeriodSk", "ValueSum", "WeightSum", "MeetingCount", "UnitCount"];
    private static readonly string[] ExpectedColumns = ["area_code", "period_sk", "unit_count"];
    private static readonly string[] ExpectedMembers = ["AreaCode", "PeriodSk", "UnitCount"];

    /// <summary>The totals of one input under <paramref name="prefix"/> in the years, at every level it is kept at; returns the rows written.</summary>
    public async Task<int> TotalsAsync(RollupSpec spec, int inputSk, string prefix, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var level in RollupLevels.Upwards(spec.FinestLevel))
        {
            var cut = RollupLevels.Cut(prefix, level);
            var keys = Keys(cut, firstYear, lastYear, ("@input", inputSk), ("@level", level));
            await ExecuteAsync($"DELETE FROM {tables.Totals} WHERE input_sk = @input AND area_level = @level AND {Within} AND {Years}", keys, cancellationToken);
            written += level == (int)spec.FinestLevel
                ? await TotalsFromFactsAsync(spec, inputSk, cut, firstYear, lastYear, cancellationToken)
                : await ExecuteAsync(TotalsFromFiner(level), [.. keys, ("@finer", level + 1)], cancellationToken);
        }

        return written;
    }

    /// <summary>The expected units of one capture level and grain under <paramref name="prefix"/> in the years, at every level.</summary>
    public async Task<int> ExpectedAsync(CaptureLevel capture, IReadOnlyList<AreaKind> kinds, PeriodGrain grain, string prefix, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var written = 0;
        var finest = RollupLevels.FinestAbove(capture);
        foreach (var level in RollupLevels.Upwards(finest))
        {
            var cut = RollupLevels.Cut(prefix, level);
            var keys = Keys(cut, firstYear, lastYear, ("@capture", capture.ToString()), ("@grain", grain.ToString()), ("@level", level));
            await ExecuteAsync($"DELETE FROM {tables.Expected} WHERE capture_level = @capture AND grain = @grain AND area_level = @level AND {Within} AND {Years}", keys, cancellationToken);
            written += level == (int)finest
                ? await ExpectedFromAreasAsync(capture, kinds, grain, level, cut, firstYear, lastYear, cancellationToken)
                : await ExecuteAsync(ExpectedFromFiner(level), [.. keys, ("@finer", level + 1)], cancellationToken);
        }

        return written;
    }

    private async Task<int> TotalsFromFactsAsync(RollupSpec spec, int inputSk, string prefix, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var level = spec.FinestLevel;
        var scope = new QueryScope(prefix, level, spec.Grain, new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31), AreaStructure.AsReported);
        var plan = await ThresholdConstants.ResolveAsync(db, scope, new IndicatorPlan(spec.Input.Base, [spec.Input]), cancellationToken);
        var factor = Math.Pow(10, spec.SumScale);
        var pad = new string('0', 12 - RollupLevels.KeyLength((int)level));

        // The engine's grouped query of the input (GroupQueries.Totals), its sums as whole numbers of 10^-scale.
        var grouped =
            from f in UnitFacts.For(db, scope, plan.Inputs[0])
            group f by new { f.GroupCode, f.PeriodKey } into g
            select new
            {
                g.Key.GroupCode,
                g.Key.PeriodKey,
                ValueSum = g.Sum(f => (long)Math.Round(f.Value * factor)),
                WeightSum = g.Sum(f => (long)Math.Round(f.Weight * 10000.0)),
                MeetingCount = g.Sum(f => f.Meets),
                UnitCount = g.Select(f => f.UnitCode).Distinct().Count(),
            };
        var rows =
            from r in grouped
            join p in db.Periods on r.PeriodKey equals p.PeriodKey
            select new { AreaCode = r.GroupCode + pad, p.PeriodSk, r.ValueSum, r.WeightSum, r.MeetingCount, r.UnitCount };
        return await InsertAsync(rows, tables.Totals, [("input_sk", inputSk), ("area_level", (int)level)], TotalColumns, TotalMembers, cancellationToken);
    }

    /// <summary>As the engine counts expected units (GroupQueries.Expected, as reported): distinct codes of the kinds valid in each period.</summary>
    private async Task<int> ExpectedFromAreasAsync(CaptureLevel capture, IReadOnlyList<AreaKind> kinds, PeriodGrain grain, int level, string prefix, int firstYear, int lastYear, CancellationToken cancellationToken)
    {
        var keyLength = RollupLevels.KeyLength(level);
        var pad = new string('0', 12 - keyLength);
        var (start, end) = (new DateOnly(firstYear, 1, 1), new DateOnly(lastYear, 12, 31));
        var targets = db.Periods.Where(t => t.Grain == grain && t.StartDate >= start && t.EndDate <= end);
        var kindList = kinds.ToList();
        var rows =
            from a in AreaScope.VisibleWithin(db, prefix, caller: null)
            from t in targets
            where kindList.Contains(a.Kind) && a.ValidFrom <= t.EndDate && (a.ValidTo == null || a.ValidTo >= t.StartDate)
            group a.AreaCode by new { GroupCode = a.AreaCode.Substring(0, keyLength), t.PeriodSk } into g
            select new { AreaCode = g.Key.GroupCode + pad, g.Key.PeriodSk, UnitCount = g.Distinct().Count() };
        return await InsertAsync(rows, tables.Expected, [("capture_level", capture.ToString()), ("grain", grain.ToString()), ("area_level", level)], ExpectedColumns, ExpectedMembers, cancellationToken);
    }

    private string TotalsFromFiner(int level)
    {
        var area = RollupSql.AreaAt(db.Provider, "area_code", RollupLevels.KeyLength(level));
        var groupArea = level == RollupLevels.Nation ? "" : $", {area}";
        return $"""
            INSERT INTO {tables.Totals} (input_sk, area_level, area_code, period_sk, value_sum, weight_sum, meeting_count, unit_count)
            SELECT input_sk, @level, {area}, period_sk, SUM(value_sum), SUM(weight_sum), SUM(meeting_count), SUM(unit_count)
            FROM {tables.Totals}
            WHERE input_sk = @input AND area_level = @finer AND {Within} AND {Years}
            GROUP BY input_sk{groupArea}, period_sk
            """;
    }

    private string ExpectedFromFiner(int level)
    {
        var area = RollupSql.AreaAt(db.Provider, "area_code", RollupLevels.KeyLength(level));
        var groupArea = level == RollupLevels.Nation ? "" : $", {area}";
        return $"""
            INSERT INTO {tables.Expected} (capture_level, grain, area_level, area_code, period_sk, unit_count)
            SELECT capture_level, grain, @level, {area}, period_sk, SUM(unit_count)
            FROM {tables.Expected}
            WHERE capture_level = @capture AND grain = @grain AND area_level = @finer AND {Within} AND {Years}
            GROUP BY capture_level, grain{groupArea}, period_sk
            """;
    }

    private static (string Name, object Value)[] Keys(string prefix, int firstYear, int lastYear, params (string Name, object Value)[] more)
    {
        var (first, last) = AreaScope.CodeRange(prefix);
        var (low, high) = PeriodSurrogateKey.YearRange(firstYear, lastYear);
        return [.. more, ("@first", first), ("@last", last), ("@low", low), ("@high", high)];
    }

    /// <summary>INSERT ... SELECT around the SQL EF makes of <paramref name="rows"/>, its parameters kept; the constants go first.</summary>
    private async Task<int> InsertAsync<T>(IQueryable<T> rows, string table, (string Column, object Value)[] constants, string[] columns, string[] members, CancellationToken cancellationToken)
    {
        await using var command = rows.CreateDbCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = TimeoutSeconds;
        var values = constants.Select((_, i) => $"@rollup_{i}").Concat(members.Select(m => $"q.{RollupSql.Quote(db.Provider, m)}"));
        command.CommandText = $"""
            INSERT INTO {table} ({string.Join(", ", constants.Select(c => c.Column).Concat(columns))})
            SELECT {string.Join(", ", values)}
            FROM (
            {command.CommandText}
            ) AS q
            """;
        for (var i = 0; i < constants.Length; i++)
        {
            AddParameter(command, $"@rollup_{i}", constants[i].Value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<int> ExecuteAsync(string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = TimeoutSeconds;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
