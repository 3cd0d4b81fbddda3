using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>VALUE, PERIOD_GROWTH, YOY_GROWTH, CHANGE, YOY_CHANGE, AREA or PERIOD.</summary>
public sealed class ObservationOrderFieldType : EnumerationGraphType<ObservationOrderField>
{
    public ObservationOrderFieldType()
    {
        Name = "ObservationOrderField";
        Description = "What the grouped rows can be sorted by (排序字段); with first: N, VALUE DESC gives the top N (前N名).";
        Values["VALUE"]!.Description = "The value (数值).";
        Values["PERIOD_GROWTH"]!.Description = "Growth against the previous period (环比增长).";
        Values["YOY_GROWTH"]!.Description = "Growth against the same period a year earlier (同比增长).";
        Values["CHANGE"]!.Description = "Absolute change against the previous period (环比变化量), in the indicator's unit; ASC puts the largest drop first.";
        Values["YOY_CHANGE"]!.Description = "Absolute change against the same period a year earlier (同比变化量), in the indicator's unit; ASC puts the largest drop first.";
        Values["AREA"]!.Description = "The area code (区划代码).";
        Values["PERIOD"]!.Description = "The period (统计期), oldest first when ascending.";
    }
}
