using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Querying.Planning;

/// <summary>One base indicator a request reads, in a role, with how its facts reach a target period.</summary>
internal sealed record QueryInput(int Role, Indicator Base, WindowMode Mode)
{
    public Indicator? Weight { get; init; }

    public string? ThresholdParameter { get; init; }

    public ThresholdComparison? Comparison { get; init; }

    /// <summary>The threshold when a single area-less one is in force over the whole request (see <see cref="ThresholdConstants"/>).</summary>
    public double? ThresholdValue { get; init; }
}
