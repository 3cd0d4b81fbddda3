using Governance.Warehouse.Querying.Contracts;
using GraphQL.Types;

namespace Governance.Api.Schema.Analytics;

/// <summary>Periods relative to today, with the names DHIS2 users know (LAST_3_YEARS, not LAST3_YEARS).</summary>
public sealed class RelativePeriodType : EnumerationGraphType
{
    public RelativePeriodType()
    {
        Name = "RelativePeriod";
        Description = "A period range relative to today (相对期间); the LAST_ ranges are complete periods before the current one.";
        Add("THIS_YEAR", RelativePeriod.ThisYear, "This calendar year (本年).");
        Add("LAST_YEAR", RelativePeriod.LastYear, "The previous calendar year (上年).");
        Add("LAST_3_YEARS", RelativePeriod.Last3Years, "The three years before this one (近三年).");
        Add("LAST_5_YEARS", RelativePeriod.Last5Years, "The five years before this one (近五年).");
        Add("LAST_4_QUARTERS", RelativePeriod.Last4Quarters, "The four quarters before the current one (近四个季度).");
        Add("LAST_12_MONTHS", RelativePeriod.Last12Months, "The twelve months before the current one (近十二个月).");
    }
}
