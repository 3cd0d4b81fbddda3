using Governance.Warehouse.Dimensions;
using GraphQL.Types;

namespace Governance.Api.Schema.Indicators;

/// <summary>An indicator of the catalogue.</summary>
public sealed class IndicatorType : ObjectGraphType<Indicator>
{
    public IndicatorType()
    {
        Name = "Indicator";
        Description = "An indicator of the catalogue (指标): what is measured, in which unit, who reports it and how it aggregates.";
        Field("code", i => i.IndicatorCode).Description("Stable code of the indicator (指标代码), e.g. CE_OPERATING_INCOME.");
        Field("name", i => i.NameZh).Description("Chinese name (指标名称), e.g. 村集体经营性收入.");
        Field(i => i.NameEn).Description("English name.");
        Field(i => i.Unit).Description("Unit (计量单位), e.g. 万元, 个, 人, %.");
        Field(i => i.Category).Description("Category (类别): collective-economy, organisation, cadres, governance, environment, projects.");
        Field(i => i.Definition).Description("Definition (指标解释): how the value is measured or computed.");
        Field(i => i.IsDerived).Description("True for a derived indicator (派生指标), computed at query time from base indicators.");
        Field(i => i.SortOrder).Description("Position in the catalogue.");
    }
}
