using System.Globalization;
using Governance.Warehouse.Loading;
using GraphQL.Types;

namespace Governance.Api.Schema.Loading;

/// <summary>A rejected input row.</summary>
public sealed class LoadRejectType : ObjectGraphType<LoadReject>
{
    public LoadRejectType()
    {
        Name = "LoadReject";
        Description = "A rejected input row and rule (退回记录): where it was, what it held and why it was refused.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier of the reject (退回记录编号).").Resolve(c => c.Source.LoadRejectId.ToString(CultureInfo.InvariantCulture));
        Field(r => r.Sheet, nullable: true).Description("Sheet name in a workbook (工作表); null for CSV.");
        Field(r => r.LineNumber, nullable: true).Description("1-based line (CSV) or row (sheet) number (行号).");
        Field(r => r.ColumnName, nullable: true).Description("Column (列名), when the rule concerns one.");
        Field(r => r.Rule).Description("Machine-readable rule (规则), e.g. unknown_area, value_not_a_number.");
        Field(r => r.RawValue, nullable: true).Description("The value as read from the file (原始值); for operators, null when the rule concerns an indicator value.")
            .Resolve(c => LoadValues.HiddenFor(c.Source.Rule) ? null : c.Source.RawValue);
        Field(r => r.Message).Description("Why the row was refused (退回原因); for operators, without the values when the rule concerns an indicator value.")
            .Resolve(c => LoadValues.HiddenFor(c.Source.Rule) ? LoadValues.WithoutValues(c.Source.Rule) : c.Source.Message);
    }
}
