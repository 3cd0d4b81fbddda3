namespace Governance.Warehouse.Loading;

/// <summary>What a load batch loaded.</summary>
public enum LoadBatchKind
{
    IndicatorValues = 1,
    Areas = 2,
    Targets = 3,
}
