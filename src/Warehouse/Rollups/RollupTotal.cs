namespace Governance.Warehouse.Rollups;

/// <summary>
/// One row per roll-up input, area level, area and period: the totals the fact path's grouped query gives that area,
/// as reported. Sums are exact: whole numbers of 10^-<see cref="RollupInput.SumScale"/> (values carry four decimals),
/// so a coarser area is the sum of its parts in any order.
/// </summary>
public sealed class RollupTotal
{
    public int InputSk { get; set; }

    /// <summary>0 for the nation, else the <see cref="Dimensions.AreaLevel"/> number (1 province ... 4 township).</summary>
    public int AreaLevel { get; set; }

    /// <summary>The area's 12-digit code (<c>000000000000</c> for the nation).</summary>
    public required string AreaCode { get; set; }

    public int PeriodSk { get; set; }

    /// <summary>The sum of the values (of value x weight for a weighted input), in units of 10^-SumScale.</summary>
    public long ValueSum { get; set; }

    /// <summary>The sum of the weights, in units of 10^-4; 0 for an input without a weight.</summary>
    public long WeightSum { get; set; }

    /// <summary>Facts meeting the threshold in force; 0 for an input without a threshold.</summary>
    public int MeetingCount { get; set; }

    /// <summary>Distinct units (area codes) with a fact.</summary>
    public int UnitCount { get; set; }
}
