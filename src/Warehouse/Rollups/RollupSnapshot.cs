using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Planning;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// The database's side of the roll-up rule, read at once (one small query): whether the roll-ups are current
/// (<c>agg_state</c> at the <see cref="WarehouseVersion"/>), the years the expected-unit counts are kept for, and every
/// kept input (<c>agg_input</c>) by signature and grain. <see cref="RollupSource"/> reads it once per request, so every
/// plan of a request is decided against the same state.
/// </summary>
/// <param name="Current">The roll-ups are exact at the warehouse's version (and keep some input: without any, nothing is covered).</param>
/// <param name="FirstYear">First year of the expected-unit counts; null without facts.</param>
/// <param name="LastYear">Last year of the expected-unit counts; null without facts.</param>
/// <param name="Inputs">Per (signature, grain) the input's agg_input key and the decimal places of its value sum.</param>
internal sealed record RollupSnapshot(bool Current, int? FirstYear, int? LastYear, IReadOnlyDictionary<(string Signature, PeriodGrain Grain), (int InputSk, int SumScale)> Inputs)
{
    public static async Task<RollupSnapshot> ReadAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One statement: the kept inputs, each beside the state's years, when (and only when) the state is current.
        var rows = await (
            from s in db.RollupStates.AsNoTracking()
            where s.Id == RollupState.RowId && db.WarehouseVersions.Any(v => v.Id == WarehouseVersion.RowId && v.Version == s.Version)
            from i in db.RollupInputs.AsNoTracking()
            select new { s.FirstYear, s.LastYear, i.Signature, i.Grain, i.InputSk, i.SumScale }).ToListAsync(cancellationToken);
        return rows.Count == 0
            ? new RollupSnapshot(false, null, null, new Dictionary<(string, PeriodGrain), (int, int)>())
            : new RollupSnapshot(true, rows[0].FirstYear, rows[0].LastYear, rows.ToDictionary(i => (i.Signature, i.Grain), i => (i.InputSk, i.SumScale)));
    }

    /// <summary>
    /// Which parts of the plan over the scope the roll-ups answer: null when they are not current or an input is not kept
    /// at the grain (one the catalogue's indicators do not read there); else the totals, and the expected units when the
    /// scope's years lie inside the kept ones.
    /// </summary>
    public RollupCoverage? Cover(QueryScope scope, IndicatorPlan plan)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(plan);
        if (!Current)
        {
            return null;
        }

        var inputs = new List<(int InputSk, int SumScale)>(plan.Inputs.Count);
        foreach (var input in plan.Inputs)
        {
            if (!Inputs.TryGetValue((RollupSpec.SignatureOf(input), scope.Grain), out var kept))
            {
                return null;
            }

            inputs.Add(kept);
        }

        var expected = FirstYear <= scope.Start.Year && LastYear >= scope.End.Year;
        return new RollupCoverage(inputs, expected);
    }
}
