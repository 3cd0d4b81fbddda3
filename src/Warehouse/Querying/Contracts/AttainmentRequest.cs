using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>The targets of the areas at a level inside an area in one period, against their actual values.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Period">The period of the targets.</param>
/// <param name="Level">Level of the areas.</param>
/// <param name="Within">Code of the enclosing area; null for everything.</param>
public sealed record AttainmentRequest(string Indicator, PeriodKey Period, AreaLevel Level, string? Within)
{
    /// <summary>
    /// The caller's access scope, set by the API from the authenticated request: the engine sees only its areas and
    /// refuses what its role may not read. Null for a caller that sees everything (the ETL, tools, tests).
    /// </summary>
    public AccessScope? Caller { get; init; }
}
