namespace Governance.Warehouse.Dimensions;

/// <summary>
/// The surrogate key of a period (<c>period_sk</c>), the one place it is encoded: <c>year * 1000 + ordinal</c>, where the
/// ordinal is 0 for the year, <c>quarter * 100</c> for a quarter and the month's number for a month (2023 is 2023000,
/// 2023Q2 is 2023200, 202305 is 2023005). Computable, so loaders need no lookup and the fact index is range-scanned by
/// year; PostgreSQL partitions the facts by the same year ranges (<see cref="Schema.PartitionedFacts"/>).
/// </summary>
public static class PeriodSurrogateKey
{
    /// <summary>Keys of one year span <c>year * 1000</c> through <c>year * 1000 + 999</c>.</summary>
    public const int PerYear = 1000;

    /// <summary>The key of a period.</summary>
    public static int Of(PeriodKey key) => key.Grain switch
    {
        PeriodGrain.Year => key.Year * PerYear,
        PeriodGrain.Quarter => (key.Year * PerYear) + (key.Number * 100),
        _ => (key.Year * PerYear) + key.Number,
    };

    /// <summary>The period of a key: the inverse of <see cref="Of"/>.</summary>
    public static PeriodKey Parse(int periodSk)
    {
        var year = YearOf(periodSk);
        var rest = periodSk % PerYear;
        return rest switch
        {
            0 => PeriodKey.ForYear(year),
            _ when rest % 100 == 0 => new PeriodKey(PeriodGrain.Quarter, year, rest / 100),
            _ => new PeriodKey(PeriodGrain.Month, year, rest),
        };
    }

    /// <summary>The year a key lies in.</summary>
    public static int YearOf(int periodSk) => periodSk / PerYear;

    /// <summary>The key of the same period a year earlier.</summary>
    public static int YearEarlier(int periodSk) => periodSk - PerYear;

    /// <summary>The first and last key of the years <paramref name="firstYear"/> through <paramref name="lastYear"/>, every grain included.</summary>
    public static (int Low, int High) YearRange(int firstYear, int lastYear) => (firstYear * PerYear, (lastYear * PerYear) + PerYear - 1);
}
