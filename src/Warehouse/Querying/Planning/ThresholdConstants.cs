using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>
/// When one threshold without an area is the only one in force over a whole request (the usual case: the national weak-
/// village line), the facts are compared with it as a constant; area-specific or changing thresholds keep the
/// per-fact lookup of the one in force for the area and period.
/// </summary>
internal static class ThresholdConstants
{
    public static async Task<IndicatorPlan> ResolveAsync(WarehouseDbContext db, QueryScope scope, IndicatorPlan plan, CancellationToken cancellationToken)
    {
        if (plan.Inputs.All(i => i.ThresholdParameter is null))
        {
            return plan;
        }

        var inputs = new List<QueryInput>();
        foreach (var input in plan.Inputs)
        {
            if (input.ThresholdParameter is not { } code || input.Weight is not null)
            {
                inputs.Add(input);
                continue;
            }

            var overlapping = await db.ThresholdParameters.AsNoTracking()
                .Where(t => t.ParameterCode == code && t.ValidFrom <= scope.End && (t.ValidTo == null || t.ValidTo >= scope.Start))
                .ToListAsync(cancellationToken);
            var constant = overlapping is [{ AreaCode: null } only] && only.ValidFrom <= scope.Start && (only.ValidTo is null || only.ValidTo >= scope.End);
            inputs.Add(constant ? input with { ThresholdValue = (double)overlapping[0].Value } : input);
        }

        return plan with { Inputs = inputs };
    }
}
