using Governance.Api.GraphQL.Limits;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Planning;
using Governance.Warehouse.Replicas;
using GraphQL;
using Microsoft.Extensions.Options;

namespace Governance.Api.Schema.Analytics;

/// <summary>
/// Refuses, before its SQL runs, a request asking for more periods than <c>Api:Limits:MaxPeriods</c> or more cells
/// (areas x periods x indicators) than <c>Api:Limits:MaxCells</c>: TOO_MUCH_WORK, naming the setting and the figures.
/// </summary>
internal static class WorkBound
{
    public const string Code = "TOO_MUCH_WORK";

    public static async Task CheckAsync(IResolveFieldContext context, ObservationRequest request)
    {
        var limits = context.RequestServices!.GetRequiredService<IOptions<LimitOptions>>().Value;
        var periods = RequestSize.Periods(request);
        if (periods > limits.MaxPeriods)
        {
            throw new QueryRuleException(Code, $"The request asks for {periods} periods ({request.Grain.ToString().ToUpperInvariant()} from {request.From} to {request.To}); at most {limits.MaxPeriods} are allowed (Api:Limits:MaxPeriods). Ask for a shorter range or a coarser grain.");
        }

        var session = context.RequestServices!.GetRequiredService<WarehouseReadSession>();
        var units = await context.RequestServices!.GetRequiredService<UnitCounts>().UnitsAsync(session, request, context.CancellationToken);
        var indicators = request.Indicators.Distinct(StringComparer.Ordinal).Count();
        var cells = units * periods * indicators;
        if (cells > limits.MaxCells)
        {
            throw new QueryRuleException(Code, $"The request asks for {cells} cells ({units} areas x {periods} periods x {indicators} indicators); at most {limits.MaxCells} are allowed (Api:Limits:MaxCells). Ask for fewer areas, periods or indicators.");
        }
    }
}
