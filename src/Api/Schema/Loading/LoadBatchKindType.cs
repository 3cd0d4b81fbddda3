using Governance.Warehouse.Loading;
using GraphQL.Types;

namespace Governance.Api.Schema.Loading;

/// <summary>What a load batch loaded.</summary>
public sealed class LoadBatchKindType : EnumerationGraphType<LoadBatchKind>
{
    public LoadBatchKindType()
    {
        Name = "LoadBatchKind";
        Description = "What a load batch loaded (批次类型).";
        Values["INDICATOR_VALUES"]!.Description = "Indicator values (指标数据).";
        Values["AREAS"]!.Description = "Area code lists (区划代码).";
        Values["TARGETS"]!.Description = "Targets (目标值).";
    }
}
