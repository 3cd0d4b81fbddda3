using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>The rows of <c>agg_input</c>: the inputs roll-ups are kept for.</summary>
internal static class RollupInputs
{
    /// <summary>
    /// agg_input brought to the catalogue's inputs: those no indicator reads any more go with their rows, new ones are
    /// added (without rows yet). Returns each input's key and the new ones.
    /// </summary>
    public static async Task<(Dictionary<RollupSpec, int> Sks, HashSet<RollupSpec> Added)> ReconcileAsync(WarehouseDbContext db, IReadOnlyList<RollupSpec> specs, CancellationToken cancellationToken)
    {
        var stored = await db.RollupInputs.AsNoTracking().ToListAsync(cancellationToken);
        var wanted = specs.Select(s => (s.Signature, s.Grain)).ToHashSet();
        var obsolete = stored.Where(i => !wanted.Contains((i.Signature, i.Grain))).Select(i => i.InputSk).ToList();
        if (obsolete.Count > 0)
        {
            await db.RollupTotals.Where(t => obsolete.Contains(t.InputSk)).ExecuteDeleteAsync(cancellationToken);
            await db.RollupInputs.Where(i => obsolete.Contains(i.InputSk)).ExecuteDeleteAsync(cancellationToken);
        }

        var known = stored.Select(i => (i.Signature, i.Grain)).ToHashSet();
        var added = specs.Where(s => !known.Contains((s.Signature, s.Grain))).ToHashSet();
        foreach (var spec in added)
        {
            var input = spec.Input;
            var (grain, mode, comparison) = (spec.Grain.ToString(), input.Mode.ToString(), input.Comparison?.ToString());
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO agg_input (signature, grain, indicator_sk, window_mode, weight_indicator_sk, threshold_parameter, threshold_comparison, sum_scale) VALUES ({spec.Signature}, {grain}, {input.Base.IndicatorSk}, {mode}, {input.Weight?.IndicatorSk}, {input.ThresholdParameter}, {comparison}, {spec.SumScale})",
                cancellationToken);
        }

        var sks = added.Count == 0 && obsolete.Count == 0
            ? stored.ToDictionary(i => (i.Signature, i.Grain), i => i.InputSk)
            : await db.RollupInputs.AsNoTracking().ToDictionaryAsync(i => (i.Signature, i.Grain), i => i.InputSk, cancellationToken);
        return (specs.ToDictionary(s => s, s => sks[(s.Signature, s.Grain)]), added);
    }
}
