using System.Diagnostics;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Brings the roll-ups in step with one change, in the change's transaction: a batch of facts refreshes the inputs that
/// read the indicators it wrote, in the years it wrote and under the areas it named; a code list refreshes the expected
/// units under its areas; the catalogue refreshes inputs that are new or whose threshold changed; a rebuild makes
/// everything again. Coarser levels are summed from finer ones, so a county's batch rewrites its townships and the few
/// rows above them.
/// </summary>
internal sealed class RollupMaintenance(WarehouseDbContext db, ILogger logger)
{
    private readonly RollupBuilder _builder = new(db, RollupTables.Stored);

    public async Task<RollupState> StateAsync(CancellationToken cancellationToken) =>
        await db.RollupStates.AsNoTracking().SingleOrDefaultAsync(s => s.Id == RollupState.RowId, cancellationToken)
        ?? throw new InvalidOperationException($"The {RollupState.Table} table has no row {RollupState.RowId}: run `governance migrate`.");

    /// <summary>The roll-ups are exact at <paramref name="version"/> (the version the change's commit brings).</summary>
    public Task MarkCurrentAsync(long version, CancellationToken cancellationToken) =>
        db.RollupStates.Where(s => s.Id == RollupState.RowId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Version, version), cancellationToken);

    public async Task AfterFactsAsync(long batchId, CancellationToken cancellationToken)
    {
        AccessScope.Current = null; // maintenance sees every area, whoever runs it
        var clock = Stopwatch.StartNew();
        var written =
            from v in db.IndicatorValues
            join a in db.Areas on v.AreaSk equals a.AreaSk
            where v.LoadBatchId == batchId
            select new { v.IndicatorSk, Year = v.PeriodSk / PeriodSurrogateKey.PerYear, a.AreaCode };
        var touched = await written.Select(w => new { w.IndicatorSk, w.Year }).Distinct().ToListAsync(cancellationToken);
        if (touched.Count == 0)
        {
            return; // nothing changed value (every row unchanged)
        }

        // The townships the batch wrote under (a township's own code for township-reported values).
        var prefixes = await RollupPrefixes.WidenAsync(db, RollupPrefixes.Choose(await written.Select(w => w.AreaCode.Substring(0, 9)).Distinct().ToListAsync(cancellationToken)), cancellationToken);
        var catalogue = await CatalogueAsync(cancellationToken);
        var specs = RollupSpec.FromCatalogue(catalogue);
        var (sks, added) = await RollupInputs.ReconcileAsync(db, specs, cancellationToken);
        var rows = await ExtendCoverageAsync(catalogue, touched.Min(t => t.Year), touched.Max(t => t.Year), cancellationToken);
        var refreshed = 0;
        foreach (var spec in specs)
        {
            if (added.Contains(spec))
            {
                rows += await RefreshAllAsync(spec, sks[spec], cancellationToken);
                continue;
            }

            var years = touched.Where(t => t.IndicatorSk == spec.Input.Base.IndicatorSk || t.IndicatorSk == spec.Input.Weight?.IndicatorSk).Select(t => t.Year).Distinct();
            foreach (var (first, last) in RollupPrefixes.Runs(years))
            {
                foreach (var prefix in prefixes)
                {
                    rows += await _builder.TotalsAsync(spec, sks[spec], prefix, first, last, cancellationToken);
                    refreshed++;
                }
            }
        }

        logger.LogInformation(
            "Batch {LoadBatchId}: roll-ups refreshed for {Indicators} indicators in {Years} years under {Prefixes} ({Refreshes} input refreshes, {Rows} rows) in {Seconds:0.00} s",
            batchId, touched.Select(t => t.IndicatorSk).Distinct().Count(), touched.Select(t => t.Year).Distinct().Count(), RollupPrefixes.Describe(prefixes), refreshed, rows, clock.Elapsed.TotalSeconds);
    }

    public async Task AfterAreasAsync(long batchId, IReadOnlyCollection<string>? codes, string? prefix, CancellationToken cancellationToken)
    {
        AccessScope.Current = null;
        var state = await StateAsync(cancellationToken);
        if (state is not { FirstYear: { } first, LastYear: { } last })
        {
            return; // no facts yet, so no expected units are kept
        }

        var clock = Stopwatch.StartNew();
        var prefixes = codes is null ? [prefix ?? ""] : await RollupPrefixes.WidenAsync(db, RollupPrefixes.Choose(codes.Select(c => c[..Math.Min(9, c.Length)])), cancellationToken);
        var rows = 0;
        foreach (var combination in ExpectedCombination.FromCatalogue(await CatalogueAsync(cancellationToken)))
        {
            foreach (var under in prefixes)
            {
                rows += await _builder.ExpectedAsync(combination.Capture, combination.Kinds, combination.Grain, under, first, last, cancellationToken);
            }
        }

        logger.LogInformation("Batch {LoadBatchId}: expected units refreshed under {Prefixes} for {First}-{Last} ({Rows} rows) in {Seconds:0.00} s", batchId, RollupPrefixes.Describe(prefixes), first, last, rows, clock.Elapsed.TotalSeconds);
    }

    /// <summary>After a seed that changed the catalogue: inputs no indicator reads go, new ones and those of changed thresholds are made.</summary>
    public async Task AfterCatalogueAsync(IReadOnlyCollection<string> parameters, CancellationToken cancellationToken)
    {
        AccessScope.Current = null;
        var catalogue = await CatalogueAsync(cancellationToken);
        var specs = RollupSpec.FromCatalogue(catalogue);
        var (sks, added) = await RollupInputs.ReconcileAsync(db, specs, cancellationToken);
        var rows = 0;
        foreach (var spec in specs.Where(s => added.Contains(s) || (s.Input.ThresholdParameter is { } p && parameters.Contains(p))))
        {
            rows += await RefreshAllAsync(spec, sks[spec], cancellationToken);
        }

        rows += await ReconcileExpectedAsync(catalogue, cancellationToken);
        logger.LogInformation("Catalogue changed: roll-ups of {Added} new inputs and of thresholds {Parameters} refreshed ({Rows} rows)", added.Count, string.Join(", ", parameters), rows);
    }

    /// <summary>Every roll-up made again from the facts and the areas; returns the rows written.</summary>
    public async Task<int> RebuildAsync(Action<string>? progress, CancellationToken cancellationToken)
    {
        AccessScope.Current = null;
        await db.RollupTotals.ExecuteDeleteAsync(cancellationToken);
        await db.RollupExpected.ExecuteDeleteAsync(cancellationToken);
        var catalogue = await CatalogueAsync(cancellationToken);
        var specs = RollupSpec.FromCatalogue(catalogue);
        var (sks, _) = await RollupInputs.ReconcileAsync(db, specs, cancellationToken);
        var rows = 0;
        for (var i = 0; i < specs.Count; i++)
        {
            var clock = Stopwatch.StartNew();
            var written = await RefreshAllAsync(specs[i], sks[specs[i]], cancellationToken);
            rows += written;
            logger.LogInformation("Roll-up {Index}/{Count} {Signature} at {Grain}: {Rows} rows in {Seconds:0.00} s", i + 1, specs.Count, specs[i].Signature, specs[i].Grain, written, clock.Elapsed.TotalSeconds);
            progress?.Invoke($"{i + 1}/{specs.Count} {specs[i].Signature} {specs[i].Grain}: {written} rows");
        }

        var low = await db.IndicatorValues.MinAsync(v => (int?)v.PeriodSk, cancellationToken);
        var high = await db.IndicatorValues.MaxAsync(v => (int?)v.PeriodSk, cancellationToken);
        int? first = low is { } l ? PeriodSurrogateKey.YearOf(l) - 1 : null;
        int? last = high is { } h ? PeriodSurrogateKey.YearOf(h) : null;
        if (first is { } from && last is { } to)
        {
            var clock = Stopwatch.StartNew();
            var written = await ExpectedAsync(catalogue, from, to, cancellationToken);
            rows += written;
            logger.LogInformation("Expected units {First}-{Last}: {Rows} rows in {Seconds:0.00} s", from, to, written, clock.Elapsed.TotalSeconds);
            progress?.Invoke($"expected units {from}-{to}: {written} rows");
        }

        var now = DateTimeOffset.UtcNow;
        await db.RollupStates.Where(s => s.Id == RollupState.RowId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.FirstYear, first).SetProperty(r => r.LastYear, last).SetProperty(r => r.RebuiltAt, now), cancellationToken);
        return rows;
    }

    private async Task<Dictionary<string, Indicator>> CatalogueAsync(CancellationToken cancellationToken) =>
        await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal, cancellationToken);

    /// <summary>All rows of one input, for every year its base indicator has facts.</summary>
    private async Task<int> RefreshAllAsync(RollupSpec spec, int inputSk, CancellationToken cancellationToken)
    {
        await db.RollupTotals.Where(t => t.InputSk == inputSk).ExecuteDeleteAsync(cancellationToken);
        var sk = spec.Input.Base.IndicatorSk;
        var low = await db.IndicatorValues.Where(v => v.IndicatorSk == sk).MinAsync(v => (int?)v.PeriodSk, cancellationToken);
        var high = await db.IndicatorValues.Where(v => v.IndicatorSk == sk).MaxAsync(v => (int?)v.PeriodSk, cancellationToken);
        return low is { } l && high is { } h ? await _builder.TotalsAsync(spec, inputSk, "", PeriodSurrogateKey.YearOf(l), PeriodSurrogateKey.YearOf(h), cancellationToken) : 0;
    }

    /// <summary>
    /// Expected units are kept from the year before the first fact (a growth's base year) to the last: a batch reaching
    /// past them makes the missing years. Returns the rows written.
    /// </summary>
    private async Task<int> ExtendCoverageAsync(IReadOnlyDictionary<string, Indicator> catalogue, int firstTouched, int lastTouched, CancellationToken cancellationToken)
    {
        var state = await StateAsync(cancellationToken);
        var (first, last) = state is { FirstYear: { } f, LastYear: { } l } ? (Math.Min(f, firstTouched - 1), Math.Max(l, lastTouched)) : (firstTouched - 1, lastTouched);
        var rows = 0;
        if (state is { FirstYear: { } oldFirst, LastYear: { } oldLast })
        {
            rows += first < oldFirst ? await ExpectedAsync(catalogue, first, oldFirst - 1, cancellationToken) : 0;
            rows += last > oldLast ? await ExpectedAsync(catalogue, oldLast + 1, last, cancellationToken) : 0;
        }
        else
        {
            rows += await ExpectedAsync(catalogue, first, last, cancellationToken);
        }

        if (first != state.FirstYear || last != state.LastYear)
        {
            await db.RollupStates.Where(s => s.Id == RollupState.RowId)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.FirstYear, first).SetProperty(r => r.LastYear, last), cancellationToken);
        }

        return rows;
    }

    private async Task<int> ExpectedAsync(IReadOnlyDictionary<string, Indicator> catalogue, int first, int last, CancellationToken cancellationToken)
    {
        var rows = 0;
        foreach (var combination in ExpectedCombination.FromCatalogue(catalogue))
        {
            rows += await _builder.ExpectedAsync(combination.Capture, combination.Kinds, combination.Grain, "", first, last, cancellationToken);
        }

        return rows;
    }

    /// <summary>Expected units of capture levels and grains no indicator reads any more go; those not kept yet are made.</summary>
    private async Task<int> ReconcileExpectedAsync(IReadOnlyDictionary<string, Indicator> catalogue, CancellationToken cancellationToken)
    {
        var state = await StateAsync(cancellationToken);
        var wanted = ExpectedCombination.FromCatalogue(catalogue);
        var stored = await db.RollupExpected.Select(e => new { e.CaptureLevel, e.Grain }).Distinct().ToListAsync(cancellationToken);
        foreach (var gone in stored.Where(s => !wanted.Any(w => w.Capture == s.CaptureLevel && w.Grain == s.Grain)))
        {
            await db.RollupExpected.Where(e => e.CaptureLevel == gone.CaptureLevel && e.Grain == gone.Grain).ExecuteDeleteAsync(cancellationToken);
        }

        if (state is not { FirstYear: { } first, LastYear: { } last })
        {
            return 0;
        }

        var rows = 0;
        foreach (var missing in wanted.Where(w => !stored.Any(s => s.CaptureLevel == w.Capture && s.Grain == w.Grain)))
        {
            rows += await _builder.ExpectedAsync(missing.Capture, missing.Kinds, missing.Grain, "", first, last, cancellationToken);
        }

        return rows;
    }
}
