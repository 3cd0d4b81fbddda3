using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>What the observations query asks for: indicators at an area level inside an area, per period of a grain.</summary>
/// <param name="Indicators">Indicator codes.</param>
/// <param name="Level">Level of the rows (VILLAGE, TOWNSHIP, COUNTY, ...).</param>
/// <param name="Within">Code of the enclosing area; null for everything.</param>
/// <param name="Grain">Grain of the row periods.</param>
/// <param name="From">First period (any grain: its start is used).</param>
/// <param name="To">Last period (any grain: its end is used).</param>
/// <param name="Structure">As reported or mapped to today's areas.</param>
/// <param name="IncludeNonReporting">Also return rows (value null) for expected areas that reported nothing.</param>
/// <param name="Parts">The optional parts to compute; parts left out come back as null or 0.</param>
public sealed record ObservationRequest(
    IReadOnlyList<string> Indicators,
    AreaLevel Level,
    string? Within,
    PeriodGrain Grain,
    PeriodKey From,
    PeriodKey To,
    AreaStructure Structure = AreaStructure.AsReported,
    bool IncludeNonReporting = false,
    ObservationParts Parts = ObservationParts.All)
{
    /// <summary>
    /// The caller's access scope, set by the API from the authenticated request: the engine sees only its areas and
    /// refuses what its role may not read. Null for a caller that sees everything (the ETL, tools, tests).
    /// </summary>
    public AccessScope? Caller { get; init; }
}
