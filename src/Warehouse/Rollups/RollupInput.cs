using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// One row per input a roll-up is kept for, at one grain: a base indicator read one way (window, weight, threshold), as
/// the indicators of the catalogue read it at that grain. <see cref="Signature"/> names everything the rows depend on,
/// so an indicator whose rule changes gets a new input and its old rows go.
/// </summary>
public sealed class RollupInput
{
    public int InputSk { get; set; }

    /// <summary>The base indicator with its time rule, native grain and capture level, the window, weight and threshold.</summary>
    public required string Signature { get; set; }

    /// <summary>The grain of the rows' periods.</summary>
    public PeriodGrain Grain { get; set; }

    /// <summary>The base indicator whose facts are summed.</summary>
    public int IndicatorSk { get; set; }

    /// <summary>Inside, YearToDate or Containing: which facts feed a period.</summary>
    public required string WindowMode { get; set; }

    /// <summary>The indicator weighting the values of a weighted average.</summary>
    public int? WeightIndicatorSk { get; set; }

    /// <summary>The dated threshold a conditional count compares each value with.</summary>
    public string? ThresholdParameter { get; set; }

    public ThresholdComparison? ThresholdComparison { get; set; }

    /// <summary>Decimal places of <see cref="RollupTotal.ValueSum"/>: 4, or 8 for a weighted input (value x weight).</summary>
    public int SumScale { get; set; }
}
