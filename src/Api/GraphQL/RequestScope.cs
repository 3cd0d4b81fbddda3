using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying;
using Governance.Warehouse.Security;
using GraphQL;

namespace Governance.Api.GraphQL;

/// <summary>
/// The request's <see cref="AccessScope"/> applied to the areas and load-batch slices: areas outside the scope answer as
/// if they did not exist; roles that may not read a thing get a FORBIDDEN error. Outside a request everything is visible.
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
    public static bool Sees(string? areaCode) => AccessScope.Current is not { } scope || scope.Covers(areaCode);

    /// <summary>Only the areas inside the request's scope, filtered in the database.</summary>
    public static IQueryable<Area> Visible(this IQueryable<Area> areas) =>
        AccessScope.Current is { IsEverything: false } scope ? areas.Where(scope.Filter<Area>(a => a.AreaCode)) : areas;

    /// <summary>True when a list may look inside the area: it is in the scope, or it encloses part of the scope.</summary>
    public static bool MayLookWithin(AreaCode within) =>
        AccessScope.Current is not { IsEverything: false } scope
        || scope.Covers(within.Value)
        || scope.Prefixes.Any(p => p.StartsWith(within.Prefix, StringComparison.Ordinal));

    public static void RequireIndicatorRead(AreaLevel level)
    {
        if (AccessScope.Current is not { } scope)
        {
            return;
        }

        if (!scope.MayReadIndicators || !scope.MayReadLevel(level))
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {Role(scope)} role may not read {level.ToString().ToUpperInvariant()} values.");
        }
    }

    public static void RequireLoadRead()
    {
        if (AccessScope.Current is { MayReadLoads: false } scope)
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {Role(scope)} role may not read load batches; the operator and admin roles may.");
        }
    }

    private static string Role(AccessScope scope) => scope.Role.ToString().ToLowerInvariant();
}
