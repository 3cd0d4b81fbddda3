using Governance.Warehouse.Dimensions;
using Governance.Warehouse.Querying.Contracts;

namespace Governance.Warehouse.Querying.Statistics;

/// <summary>Resolves a <see cref="RelativePeriod"/> against today's date from a clock (injectable for tests).</summary>
public static class RelativePeriods
{
    public static (PeriodKey From, PeriodKey To) Resolve(RelativePeriod relative, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var year = today.Year;
        var quarter = new PeriodKey(PeriodGrain.Quarter, year, ((today.Month - 1) / 3) + 1);
        var month = new PeriodKey(PeriodGrain.Month, year, today.Month);
        return relative switch
        {
            RelativePeriod.ThisYear => (PeriodKey.ForYear(year), PeriodKey.ForYear(year)),
            RelativePeriod.LastYear => (PeriodKey.ForYear(year - 1), PeriodKey.ForYear(year - 1)),
            RelativePeriod.Last3Years => (PeriodKey.ForYear(year - 3), PeriodKey.ForYear(year - 1)),
            RelativePeriod.Last5Years => (PeriodKey.ForYear(year - 5), PeriodKey.ForYear(year - 1)),
            RelativePeriod.Last4Quarters => (Back(quarter, 4), PeriodMath.Previous(quarter)),
            RelativePeriod.Last12Months => (Back(month, 12), PeriodMath.Previous(month)),
            _ => throw new QueryRuleException(QueryRuleException.BadPeriod, $"Unknown relative period {relative}."),
        };
    }

    private static PeriodKey Back(PeriodKey key, int steps)
    {
        for (var i = 0; i < steps; i++)
        {
            key = PeriodMath.Previous(key);
        }

        return key;
    }
}
