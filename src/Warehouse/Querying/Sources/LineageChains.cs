using Governance.Warehouse.Security;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Sources;

/// <summary>
/// How many successive replacements the CURRENT structure must follow: V2 merged into V4, and V4 later into V5, is a
/// chain of two, so V2's history belongs to V5 today. The lineage table is small; the chain is measured per request.
/// </summary>
internal static class LineageChains
{
    /// <summary>A bound on the steps followed, in case a lineage ever loops back on itself.</summary>
    public const int MaxSteps = 8;

    /// <summary>
    /// The steps to follow, and which replaced codes move across the edge of the request's area: those outside
    /// <paramref name="prefix"/> whose area of today lies inside it, and those whose area of today lies outside it or
    /// outside the caller's access scope (<paramref name="caller"/>; null sees everything). Areas of today are found as the SQL finds them: the least successor at each step.
    /// </summary>
    public static async Task<Lineage> ForAsync(WarehouseDbContext db, string prefix, AccessScope? caller, CancellationToken cancellationToken)
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

        var steps = Math.Clamp(successors.Select(g => Depth(g.Key, 0)).DefaultIfEmpty(1).Max(), 1, MaxSteps);
        string Today(string code)
        {
            for (var step = 0; step < steps && successors[code].Any(); step++)
            {
                code = successors[code].Min(StringComparer.Ordinal)!;
            }

            return code;
        }

        bool Inside(string code) => code.StartsWith(prefix, StringComparison.Ordinal) && AccessChecks.Sees(caller, code);
        var replaced = successors.Select(g => (Code: g.Key, TodayInside: Inside(Today(g.Key)))).ToList();
        return new Lineage(
            steps,
            [.. replaced.Where(r => r.TodayInside && !r.Code.StartsWith(prefix, StringComparison.Ordinal)).Select(r => r.Code)],
            [.. replaced.Where(r => !r.TodayInside && Inside(r.Code)).Select(r => r.Code)]);
    }
}
