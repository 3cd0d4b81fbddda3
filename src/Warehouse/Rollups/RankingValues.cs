using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Querying.Sources;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// Every village's value of one plan in a period, as the fact path evaluates it (its grouped rows at village level over
/// the nation, as reported, rounded to their kept scale by <see cref="KeptScale"/>), keyed by code. The last two periods read are kept, so that ranking consecutive years reads
/// each year once (a year's values are the next year's growth base); no more, as a national period holds 600,000 units.
/// </summary>
internal sealed class RankingValues(WarehouseDbContext db, IndicatorPlan plan)
{
    private const int Kept = 2;
    private readonly Dictionary<PeriodKey, Dictionary<string, double>> _read = [];

    public async Task<Dictionary<string, double>> OfAsync(PeriodKey period, CancellationToken cancellationToken)
    {
        if (_read.TryGetValue(period, out var known))
        {
            return known;
        }

        var scope = new QueryScope(string.Empty, AreaLevel.Village, period.Grain, period.Start, period.End, AreaStructure.AsReported);
        var totals = KeptScale.Round(plan, await GroupQueries.Totals(db, scope, plan, countUnits: false).ToListAsync(cancellationToken));
        var values = new Dictionary<string, double>(totals.Count, StringComparer.Ordinal);
        foreach (var total in totals.Where(t => t.Role == 0))
        {
            if (plan.Evaluate(total, null, 0).Value is { } value)
            {
                values[QueryScope.PadCode(total.GroupCode)] = value;
            }
        }

        if (_read.Count >= Kept)
        {
            _read.Remove(_read.Keys.MinBy(k => k.Start));
        }

        _read[period] = values;
        return values;
    }
}
