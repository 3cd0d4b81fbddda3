using System.Globalization;
using Governance.Warehouse.Loading;
using GraphQL.Types;

namespace Governance.Api.Schema.Loading;

/// <summary>A value flagged after loading.</summary>
public sealed class LoadWarningType : ObjectGraphType<LoadWarning>
{
    public LoadWarningType()
    {
        Name = "LoadWarning";
        Description = "Something in a loaded file flagged for review (预警): an extreme year-over-year change of a value (rule yoy_outlier) or a name that does not match its area code (rule name_mismatch); a warning, not a reject.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the warning (预警编号).").Resolve(c => c.Source.LoadWarningId.ToString(CultureInfo.InvariantCulture));
        Field(w => w.Rule).Description("Machine-readable rule (规则): yoy_outlier or name_mismatch.");
        Field(w => w.AreaCode).Description("Area code of the value or row (区划代码).");
        Field(w => w.PeriodKey).Description("Period of the value (统计期).");
        Field(w => w.IndicatorCode).Description("Indicator of the value (指标代码); empty for name_mismatch.");
        Field(w => w.Value, nullable: true).Description("The loaded value (本期值); null for callers who may not read indicator values (operators).")
            .Resolve(c => LoadValues.Hidden ? null : c.Source.Value);
        Field(w => w.PreviousValue, nullable: true).Description("The value it is compared with (比较值); null for operators.")
            .Resolve(c => LoadValues.Hidden ? null : c.Source.PreviousValue);
        Field(w => w.Score, nullable: true).Description("Robust z-score of the change (稳健Z分数), when the rule computes one.");
        Field(w => w.Message).Description("What looks wrong (预警说明); for operators, without the values.")
            .Resolve(c => LoadValues.Hidden ? LoadValues.WithoutValues(c.Source.Rule) : c.Source.Message);
    }
}
