using Governance.Warehouse.Querying.Contracts;

namespace Governance.Api.Schema.Analytics;

/// <summary>Which costly parts of the observations a request needs, from the fields it selects, its filter and its sort keys.</summary>
public static class ObservationFields
{
    public static ObservationParts Parts(IReadOnlySet<string> selected, ObservationFilter? filter, IReadOnlyList<ObservationOrder> order)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(order);
        var parts = ObservationParts.None;
        if (selected.Overlaps(["previousValue", "periodGrowth", "yoyGrowth", "change", "yoyChange"])
            || order.Any(o => o.Field is ObservationOrderField.PeriodGrowth or ObservationOrderField.YoyGrowth or ObservationOrderField.Change or ObservationOrderField.YoyChange))
        {
            parts |= ObservationParts.Growth;
        }

        if (selected.Contains("reportingUnits"))
        {
            parts |= ObservationParts.ReportingUnits;
        }

        if (selected.Contains("expectedUnits"))
        {
            parts |= ObservationParts.ExpectedUnits;
        }

        // Filters on the area's class or kind look at every row's area before paging; otherwise only the page's areas are read.
        if (filter is { UrbanRuralClass: not null } or { Kind: not null })
        {
            parts |= ObservationParts.Areas;
        }

        return parts;
    }
}
