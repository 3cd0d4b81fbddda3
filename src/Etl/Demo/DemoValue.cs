using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Demo;

/// <summary>One generated value: what an area reports for an indicator in a period.</summary>
public readonly record struct DemoValue(string AreaCode, PeriodKey Period, string Indicator, decimal Value);
