using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Replicas;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Schema.Indicators;

/// <summary>The indicator catalogue, read once per request (one query), for resolvers that look indicators up by code.</summary>
public sealed class IndicatorDirectory(WarehouseReadSession factory)
{
    private readonly Lazy<Task<Dictionary<string, Indicator>>> _all = new(async () =>
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Indicators.AsNoTracking().ToDictionaryAsync(i => i.IndicatorCode, StringComparer.Ordinal);
    });

    /// <summary>The indicator with this code, or an UNKNOWN_INDICATOR error.</summary>
    public async Task<Indicator> GetAsync(string code)
    {
        var all = await _all.Value;
        return all.TryGetValue(code, out var indicator)
            ? indicator
            : throw new QueryRuleException(QueryRuleException.UnknownIndicator, $"No indicator has the code '{code}'; the 'indicators' field lists them.");
    }
}
