using Governance.Warehouse.Dimensions;
using GraphQL.Types;

namespace Governance.Api.Schema.Periods;

/// <summary>YEAR, QUARTER or MONTH.</summary>
public sealed class PeriodGrainType : EnumerationGraphType<PeriodGrain>
{
    public PeriodGrainType()
    {
        Name = "PeriodGrain";
        Description = "Grain of a reporting period (统计周期): YEAR (年度), QUARTER (季度) or MONTH (月度).";
        Values["YEAR"]!.Description = "A calendar year (年度), e.g. 2023.";
        Values["QUARTER"]!.Description = "A quarter (季度), e.g. 2023Q2.";
        Values["MONTH"]!.Description = "A month (月度), e.g. 202305.";
    }
}
