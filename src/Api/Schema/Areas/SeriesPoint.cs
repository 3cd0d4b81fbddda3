using Governance.Warehouse.Dimensions;

namespace Governance.Api.Schema.Areas;

/// <summary>An area's value of one indicator in one period.</summary>
public sealed record SeriesPoint(string AreaCode, PeriodKey Period, decimal Value);
