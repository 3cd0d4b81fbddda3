namespace Governance.Warehouse.Rollups;

/// <summary>
/// Which parts of a request current roll-ups answer: the totals (each input's key and scale, in the plan's order) and,
/// when the years lie inside the kept ones, the expected units.
/// </summary>
/// <param name="Inputs">Per input of the plan, its agg_input key and the decimal places of its value sum.</param>
/// <param name="Expected">Whether the expected units come from agg_expected too.</param>
internal sealed record RollupCoverage(IReadOnlyList<(int InputSk, int SumScale)> Inputs, bool Expected);
