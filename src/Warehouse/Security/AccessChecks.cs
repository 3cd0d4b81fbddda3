using System.Linq.Expressions;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;

namespace Governance.Warehouse.Security;

/// <summary>
/// The access checks, the one implementation: which areas a scope sees, where a request may look, and what its role may
/// read. Every check takes the scope explicitly; null is a caller that sees everything (the ETL, tools). The query engine
/// passes its request's caller; the API's lists and loaders pass the current request's scope (<c>RequestScope</c>).
/// </summary>
public static class AccessChecks
{
    /// <summary>True when the area is inside the scope.</summary>
    public static bool Sees(AccessScope? scope, string? areaCode) => scope is null || scope.Covers(areaCode);

    /// <summary>
    /// True when every area whose code starts with <paramref name="prefix"/> is in the scope, so that an aggregate over
    /// all of them (a precomputed roll-up or distribution) is the caller's to see (<see cref="AccessScope.HoldsWhole"/>).
    /// </summary>
    public static bool HoldsWhole(AccessScope? scope, string prefix) => scope is null || scope.HoldsWhole(prefix);

    /// <summary>
    /// True when no group keyed by the first <paramref name="keyLength"/> digits of a code is split by the scope: every
    /// area of the scope lies at that level or coarser, so each group is wholly inside or wholly outside it.
    /// </summary>
    public static bool SplitsNoGroup(AccessScope? scope, int keyLength) =>
        scope is not { IsEverything: false } limited || limited.Prefixes.All(p => p.Length <= keyLength);

    /// <summary>Only the areas inside the scope, filtered in the database.</summary>
    public static IQueryable<Area> Visible(IQueryable<Area> areas, AccessScope? scope) => Visible(areas, scope, a => a.AreaCode);

    /// <summary>Only the rows whose area code is inside the scope, filtered in the database.</summary>
    public static IQueryable<T> Visible<T>(IQueryable<T> rows, AccessScope? scope, Expression<Func<T, string>> areaCode)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(areaCode);
        return scope is { IsEverything: false } limited ? rows.Where(limited.Filter(areaCode)) : rows;
    }

    /// <summary>
    /// A request may look within an area of the scope, or within an area enclosing it (the roll-up then covers only the
    /// scoped part); any other area answers as if it did not exist.
    /// </summary>
    public static bool MayLookWithin(AccessScope? scope, AreaCode within) =>
        scope is not { IsEverything: false } limited
        || limited.Covers(within.Value)
        || limited.Prefixes.Any(p => p.StartsWith(within.Prefix, StringComparison.Ordinal));

    /// <summary>Throws <c>FORBIDDEN</c> when the role may not read indicator values, or not at this level.</summary>
    public static void RequireIndicatorRead(AccessScope? scope, AreaLevel level)
    {
        if (scope is null)
        {
            return;
        }

        if (!scope.MayReadIndicators)
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {Role(scope)} role may not read indicator values.");
        }

        if (!scope.MayReadLevel(level))
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {Role(scope)} role reads aggregates at township level and above, not {level.ToString().ToUpperInvariant()} rows.");
        }
    }

    /// <summary>Throws <c>FORBIDDEN</c> when the role may not read load batches.</summary>
    public static void RequireLoadRead(AccessScope? scope)
    {
        if (scope is { MayReadLoads: false })
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {Role(scope)} role may not read load batches; the operator and admin roles may.");
        }
    }

    private static string Role(AccessScope scope) => scope.Role.ToString().ToLowerInvariant();
}
