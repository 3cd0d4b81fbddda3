using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying;

/// <summary>What the current <see cref="AccessScope"/> allows a query to ask; outside a request (ETL, tests of the engine) everything.</summary>
internal static class ScopeGuard
{
    /// <summary>Throws <c>FORBIDDEN</c> when the role may not read indicator rows at this level.</summary>
    public static void CheckRead(AreaLevel level, AccessScope? caller)
    {
        if (caller is not { } scope)
        {
            return;
        }

        if (!scope.MayReadIndicators)
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {scope.Role.ToString().ToLowerInvariant()} role may not read indicator values.");
        }

        if (!scope.MayReadLevel(level))
        {
            throw new QueryRuleException(QueryRuleException.Forbidden, $"The {scope.Role.ToString().ToLowerInvariant()} role reads aggregates at township level and above, not {level.ToString().ToUpperInvariant()} rows.");
        }
    }

    /// <summary>
    /// A request may look within an area of the scope, or within an area enclosing it (the roll-up then covers only the
    /// scoped part); any other area answers as if it did not exist.
    /// </summary>
    public static bool MayLookWithin(AreaCode within, AccessScope? caller) =>
        caller is not { IsEverything: false } scope
        || scope.Covers(within.Value)
        || scope.Prefixes.Any(p => p.StartsWith(within.Prefix, StringComparison.Ordinal));
}
