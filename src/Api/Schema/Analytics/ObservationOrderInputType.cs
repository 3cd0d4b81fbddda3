using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>A sort key of the observations.</summary>
public sealed class ObservationOrderInputType : InputObjectGraphType<ObservationOrder>
{
    public ObservationOrderInputType()
    {
        Name = "ObservationOrder";
        Description = "A sort key of the grouped rows (排序); rows without the key (null value, growth or change) come last either way.";
        Field<NonNullGraphType<ObservationOrderFieldType>>("field").Description("What to sort by (排序字段).");
        Field<SortDirectionType>("direction").Description("ASC (升序, default) or DESC (降序).");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var descending = value.TryGetValue("direction", out var d) && d is SortDirection.Desc;
        return new ObservationOrder((ObservationOrderField)value["field"]!, descending);
    }
}
