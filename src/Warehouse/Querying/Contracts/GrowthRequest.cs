using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>The yearly series of an indicator per area at a level inside an area, for CAGR and trend.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Level">Level of the areas.</param>
/// <param name="Within">Code of the enclosing area; null for everything.</param>
/// <param name="FromYear">First year.</param>
/// <param name="ToYear">Last year.</param>
/// <param name="WithAreas">Attach each row's area (names, for the API's selection).</param>
public sealed record GrowthRequest(string Indicator, AreaLevel Level, string? Within, int FromYear, int ToYear, bool WithAreas = true)
{
    /// <summary>
    /// The caller's access scope, set by the API from the authenticated request: the engine sees only its areas and
    /// refuses what its role may not read. Null for a caller that sees everything (the ETL, tools, tests).
    /// </summary>
    public AccessScope? Caller { get; init; }
}
