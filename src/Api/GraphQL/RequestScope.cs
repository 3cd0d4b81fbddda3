using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;
using GraphQL;

namespace Governance.Api.GraphQL;

/// <summary>
/// The request's <see cref="AccessScope"/> applied to the areas and load-batch slices: areas outside the scope answer as
/// if they did not exist; roles that may not read a thing get a FORBIDDEN error. Outside a request everything is visible.
/// The checks themselves are <see cref="AccessChecks"/>'; this passes them the current request's scope, and hands the
/// caller to the query engine (<see cref="Caller"/>).
/// </summary>
public static class RequestScope
{
    /// <summary>The key of the authenticated caller's <see cref="AccessScope"/> in the GraphQL user context (set by the endpoints from the access gate's).</summary>
    public const string CallerKey = "governance.caller";

    /// <summary>The user context of a request by <paramref name="http"/>: its id, and its caller's scope for the query engine.</summary>
    public static IDictionary<string, object?> UserContext(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new Dictionary<string, object?> { [GraphQLErrors.RequestIdKey] = http.TraceIdentifier, [CallerKey] = http.Items[typeof(AccessScope)] as AccessScope };
    }

    /// <summary>The caller's scope that the query engine's requests carry (null: everything, as outside a request).</summary>
    public static AccessScope? Caller(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.UserContext.TryGetValue(CallerKey, out var caller) ? caller as AccessScope : null;
    }

    /// <summary>True when the area is inside the request's scope.</summary>
    public static bool Sees(string? areaCode) => AccessChecks.Sees(AccessScope.Current, areaCode);

    /// <summary>Only the areas inside the request's scope, filtered in the database.</summary>
    public static IQueryable<Area> Visible(this IQueryable<Area> areas) => AccessChecks.Visible(areas, AccessScope.Current);

    /// <summary>True when a list may look inside the area: it is in the scope, or it encloses part of the scope.</summary>
    public static bool MayLookWithin(AreaCode within) => AccessChecks.MayLookWithin(AccessScope.Current, within);

    public static void RequireIndicatorRead(AreaLevel level) => AccessChecks.RequireIndicatorRead(AccessScope.Current, level);

    public static void RequireLoadRead() => AccessChecks.RequireLoadRead(AccessScope.Current);
}
