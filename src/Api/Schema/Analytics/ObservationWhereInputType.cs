using Governance.Api.Schema.Areas;
using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>Filters on the grouped rows.</summary>
public sealed class ObservationWhereInputType : InputObjectGraphType<ObservationFilter>
{
    public ObservationWhereInputType()
    {
        Name = "ObservationWhere";
        Description = "Filters on the grouped rows (筛选条件); all given conditions must hold.";
        Field<StringGraphType>("urbanRuralClass").Description("Only areas of this urban-rural class (城乡分类代码), e.g. 220 for 村庄.");
        Field<AreaKindType>("kind").Description("Only areas of this kind (区划类型), e.g. VILLAGE to leave communities out.");
        Field<FloatGraphType>("minValue").Description("Only rows whose value is at least this (数值下限, inclusive).");
        Field<FloatGraphType>("maxValue").Description("Only rows whose value is at most this (数值上限, inclusive).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        object? Get(string key) => value.TryGetValue(key, out var v) ? v : null;
        return new ObservationFilter(Get("urbanRuralClass") as string, Get("kind") as AreaKind?, Get("minValue") as double?, Get("maxValue") as double?);
    }
}
