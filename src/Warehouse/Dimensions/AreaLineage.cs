namespace Governance.Warehouse.Dimensions;

/// <summary>One row per (successor, predecessor) pair: the area <see cref="AreaCode"/> replaces <see cref="ReplacedCode"/> from <see cref="EffectiveDate"/> (撤村并居).</summary>
public sealed class AreaLineage
{
    public required string AreaCode { get; set; }

    public required string ReplacedCode { get; set; }

    public DateOnly EffectiveDate { get; set; }
}
