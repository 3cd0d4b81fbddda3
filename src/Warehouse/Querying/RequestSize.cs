using Microsoft.EntityFrameworkCore;

namespace Governance.Warehouse.Querying;

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

    /// <summary>The area versions at the request's level inside its area that its caller may see (an unknown area is UNKNOWN_AREA).</summary>
    public static async Task<long> UnitsAsync(IDbContextFactory<WarehouseDbContext> factory, ObservationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var prefix = await AreaScope.PrefixAsync(db, request.Within, request.Level, cancellationToken);
        return await AreaScope.VisibleWithin(db, prefix).Where(a => a.Level == request.Level).LongCountAsync(cancellationToken);
    }
}
