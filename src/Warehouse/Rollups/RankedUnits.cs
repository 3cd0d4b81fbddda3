namespace Governance.Warehouse.Rollups;

/// <summary>The first units of one kept ranking inside an area (<see cref="RankingRollups.ReadAsync"/>).</summary>
/// <param name="Codes">Their 12-digit codes, first first; fewer than asked when the ranking holds fewer.</param>
/// <param name="AreaUnitCount">The units with a value inside the area in the period, ranked or not.</param>
public sealed record RankedUnits(IReadOnlyList<string> Codes, int AreaUnitCount);
