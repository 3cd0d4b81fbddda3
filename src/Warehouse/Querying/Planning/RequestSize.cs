using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using Governance.Warehouse.Querying.Sources;
using Governance.Warehouse.Querying.Statistics;
using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>
/// The work an observations request asks for, measured before its SQL runs: the periods at its grain in from..to, and
/// an upper bound of its units (the visible area versions at its level inside its area, one cheap count of dim_area).
/// </summary>
public static class RequestSize
{
    /// <summary>The periods at the request's grain from the one holding its start through the one holding its end.</summary>
    public static int Periods(ObservationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.From.Start > request.To.End ? 0 : PeriodMath.Range(request.Grain, request.From.Start, request.To.End).Count();
    }

    /// <summary>
    /// The area versions at the request's level inside its area that its caller may see: one count, without checking
    /// the area (a malformed <c>within</c> counts 0 here; the engine then answers it with UNKNOWN_AREA or BAD_REQUEST).
    /// </summary>
    public static async Task<long> UnitsAsync(IDbContextFactory<WarehouseDbContext> factory, ObservationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(request);
        string prefix;
        if (string.IsNullOrWhiteSpace(request.Within))
        {
            prefix = string.Empty;
        }
        else if (AreaCode.TryParse(request.Within, out var code) && code.Value.Level <= request.Level)
        {
            prefix = code.Value.Prefix;
        }
        else
        {
            return 0;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await AreaScope.VisibleWithin(db, prefix, request.Caller).Where(a => a.Level == request.Level).LongCountAsync(cancellationToken);
    }
}
