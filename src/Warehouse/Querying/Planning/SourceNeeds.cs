namespace Governance.Warehouse.Querying.Planning;

/// <summary>What a caller of a source needs besides the totals: the inputs of the source rule that a plan does not say.</summary>
/// <param name="ReportingUnits">Distinct counts of reporting units per group (a costly column on the facts).</param>
/// <param name="ExpectedUnits">Counts of the units expected to report per group.</param>
/// <param name="AreaValues">Only each area's value of a summed plan (a distribution), not the keyed totals.</param>
internal sealed record SourceNeeds(bool ReportingUnits = false, bool ExpectedUnits = false, bool AreaValues = false)
{
    /// <summary>The needs of a distribution's values.</summary>
    public static SourceNeeds Values { get; } = new(AreaValues: true);
}
