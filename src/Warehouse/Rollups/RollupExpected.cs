using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Rollups;

/// <summary>
/// One row per capture level, grain, area level, area and period: the units of that capture level inside the area that
/// are valid in the period (distinct codes), what the fact path's expected-units query gives.
/// </summary>
public sealed class RollupExpected
{
    public CaptureLevel CaptureLevel { get; set; }

    public PeriodGrain Grain { get; set; }

    /// <summary>0 for the nation, else the <see cref="Dimensions.AreaLevel"/> number.</summary>
    public int AreaLevel { get; set; }

    public required string AreaCode { get; set; }

    public int PeriodSk { get; set; }

    public int UnitCount { get; set; }
}
