using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Security;

namespace Governance.Warehouse.Querying.Contracts;

/// <summary>The distribution of an indicator over the areas at a level inside an area, in one period.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Period">The period (any grain at or coarser than the indicator's).</param>
/// <param name="Within">Code of the enclosing area; null for everything.</param>
/// <param name="Level">Level of the areas whose values are distributed (villages by default).</param>
/// <param name="Breaks">Band boundaries; null for the indicator's default (the income bands for 万元 indicators).</param>
/// <param name="ZeroBand">A band of its own for exactly 0 (no income); null for the default (on for 万元 indicators without explicit breaks).</param>
public sealed record DistributionRequest(string Indicator, PeriodKey Period, string? Within, AreaLevel Level = AreaLevel.Village, IReadOnlyList<double>? Breaks = null, bool? ZeroBand = null)
{
    /// <summary>
    /// The caller's access scope, set by the API from the authenticated request: the engine sees only its areas and
    /// refuses what its role may not read. Null for a caller that sees everything (the ETL, tools, tests).
    /// </summary>
    public AccessScope? Caller { get; init; }

    /// <summary>The income bands of INDICATORS.md, in 万元: none, &lt;5, 5-10, 10-50, 50-100, &gt;=100.</summary>
    public static IReadOnlyList<double> IncomeBreaks { get; } = [5, 10, 50, 100];

    /// <summary>An indicator's default bands: for 万元 indicators the income bands with a band of its own for 0, else one band of all values.</summary>
    public static (IReadOnlyList<double> Breaks, bool ZeroBand) DefaultBands(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        return indicator.Unit == "万元" ? (IncomeBreaks, true) : ([], false);
    }
}
