using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Statistics;

namespace Governance.Warehouse.Querying.Engines;

/// <summary>Yearly series per area (one grouped query), then CAGR and the fitted trend of each.</summary>
public sealed class GrowthEngine
{
    private readonly ObservationEngine _observations;

    internal GrowthEngine(ObservationEngine observations)
    {
        _observations = observations;
    }

    public async Task<IReadOnlyList<AreaGrowth>> QueryAsync(GrowthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (indicator, level, within, fromYear, toYear, withAreas) = request;
        if (fromYear > toYear)
        {
            throw new QueryRuleException(QueryRuleException.BadPeriod, $"The years {fromYear}..{toYear} end before they start.");
        }

        var rows = await _observations.QueryAsync(
            new ObservationRequest([indicator], level, within, PeriodGrain.Year, PeriodKey.ForYear(fromYear), PeriodKey.ForYear(toYear), Parts: withAreas ? ObservationParts.Areas : ObservationParts.None) { Caller = request.Caller },
            cancellationToken);
        return rows
            .Where(r => r.Value is not null)
            .GroupBy(r => r.AreaCode, StringComparer.Ordinal)
            .Select(g => new AreaGrowth(g.Key, indicator, new GrowthTrend(g.OrderBy(r => r.Period.Year).Select(r => (r.Period.Year, r.Value!.Value)).ToList())) { Area = g.First().Area })
            .ToList();
    }
}
