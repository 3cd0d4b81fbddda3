namespace Governance.Warehouse.Querying.Contracts;

/// <summary>A sort key of the grouped rows; rows without the key (null value, growth or change) come last either way.</summary>
public sealed record ObservationOrder(ObservationOrderField Field, bool Descending = false)
{
    /// <summary>Sorts by the keys in turn, then by area, period and indicator so that pages are stable.</summary>
    public static IReadOnlyList<Observation> Sort(IEnumerable<Observation> rows, IReadOnlyList<ObservationOrder> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var sorted = rows.OrderBy(_ => 0);
        foreach (var order in orders)
        {
            sorted = order.Field switch
            {
                ObservationOrderField.Area => By(sorted, r => r.AreaCode, order.Descending),
                ObservationOrderField.Period => By(sorted, r => r.Period.Start.DayNumber, order.Descending),
                ObservationOrderField.PeriodGrowth => ByNullable(sorted, r => r.PeriodGrowth, order.Descending),
                ObservationOrderField.YoyGrowth => ByNullable(sorted, r => r.YoyGrowth, order.Descending),
                ObservationOrderField.Change => ByNullable(sorted, r => r.Change, order.Descending),
                ObservationOrderField.YoyChange => ByNullable(sorted, r => r.YoyChange, order.Descending),
                _ => ByNullable(sorted, r => r.Value, order.Descending),
            };
        }

        return sorted
            .ThenBy(r => r.AreaCode, StringComparer.Ordinal)
            .ThenBy(r => r.Period.Start)
            .ThenBy(r => r.IndicatorCode, StringComparer.Ordinal)
            .ToList();
    }

    private static IOrderedEnumerable<Observation> By<T>(IOrderedEnumerable<Observation> rows, Func<Observation, T> key, bool descending) =>
        descending ? rows.ThenByDescending(key) : rows.ThenBy(key);

    private static IOrderedEnumerable<Observation> ByNullable(IOrderedEnumerable<Observation> rows, Func<Observation, double?> key, bool descending)
    {
        var present = rows.ThenBy(r => key(r) is null);
        return descending ? present.ThenByDescending(key) : present.ThenBy(key);
    }
}
