using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying;

/// <summary>
/// How many successive replacements the CURRENT structure must follow: V2 merged into V4, and V4 later into V5, is a
/// chain of two, so V2's history belongs to V5 today. The lineage table is small; the chain is measured per request.
/// </summary>
internal static class LineageChains
{
    /// <summary>A bound on the steps followed, in case a lineage ever loops back on itself.</summary>
    public const int MaxSteps = 8;

    public static async Task<int> LongestAsync(WarehouseDbContext db, CancellationToken cancellationToken)
    {
        var successors = (await db.AreaLineage.AsNoTracking().Select(l => new { l.ReplacedCode, l.AreaCode }).ToListAsync(cancellationToken))
            .ToLookup(l => l.ReplacedCode, l => l.AreaCode, StringComparer.Ordinal);
        var depths = new Dictionary<string, int>(StringComparer.Ordinal);
        int Depth(string code, int seen)
        {
            if (seen >= MaxSteps)
            {
                return 0;
            }

            if (!depths.TryGetValue(code, out var depth))
            {
                depth = successors[code].Select(next => 1 + Depth(next, seen + 1)).DefaultIfEmpty(0).Max();
                depths[code] = depth;
            }

            return depth;
        }

        return Math.Clamp(successors.Select(g => Depth(g.Key, 0)).DefaultIfEmpty(1).Max(), 1, MaxSteps);
    }
}
