namespace Governance.Warehouse.Querying.Sources;

/// <summary>One fact of a reporting unit as the engine rolls it up: the unit, the group it falls in, the target period and the input it feeds.</summary>
internal sealed class UnitFact
{
    public required string UnitCode { get; init; }

    public required string GroupCode { get; init; }

    public required string PeriodKey { get; init; }

    /// <summary>0: the value (or numerator); 1: the denominator.</summary>
    public int Role { get; init; }

    public double Value { get; init; }

    /// <summary>The weight of a weighted average (the value is then value x weight); 0 otherwise.</summary>
    public double Weight { get; init; }

    /// <summary>1 when the unit's value meets the threshold in force (conditional counts), else 0.</summary>
    public int Meets { get; init; }
}
