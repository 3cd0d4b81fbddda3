using Governance.Warehouse.Dimensions;

namespace Governance.Etl.Loading;

/// <summary>The inverse of WarehouseSeeder.PeriodSk: 2023000 is 2023, 2023200 is 2023Q2, 2023005 is 202305.</summary>
public static class PeriodSks
{
    public static PeriodKey Key(int periodSk)
    {
        var year = periodSk / 1000;
        var rest = periodSk % 1000;
        return rest switch
        {
            0 => PeriodKey.ForYear(year),
            _ when rest % 100 == 0 => new PeriodKey(PeriodGrain.Quarter, year, rest / 100),
            _ => new PeriodKey(PeriodGrain.Month, year, rest),
        };
    }

    /// <summary>The same period a year earlier.</summary>
    public static int YearEarlier(int periodSk) => periodSk - 1000;
}
