using Governance.Warehouse.Dimensions;

namespace Governance.Warehouse.Querying.Statistics;

/// <summary>Neighbouring periods of a key, for growth and change.</summary>
public static class PeriodMath
{
    public static PeriodKey Previous(PeriodKey key) => key.Grain switch
    {
        PeriodGrain.Year => PeriodKey.ForYear(key.Year - 1),
        PeriodGrain.Quarter => key.Number == 1 ? new PeriodKey(PeriodGrain.Quarter, key.Year - 1, 4) : key with { Number = key.Number - 1 },
        _ => key.Number == 1 ? new PeriodKey(PeriodGrain.Month, key.Year - 1, 12) : key with { Number = key.Number - 1 },
    };

    public static PeriodKey YearEarlier(PeriodKey key) => key with { Year = key.Year - 1 };

    /// <summary>The keys of a grain from the one holding <paramref name="start"/> through the one holding <paramref name="end"/>.</summary>
    public static IEnumerable<PeriodKey> Range(PeriodGrain grain, DateOnly start, DateOnly end)
    {
        var key = grain switch
        {
            PeriodGrain.Year => PeriodKey.ForYear(start.Year),
            PeriodGrain.Quarter => new PeriodKey(grain, start.Year, ((start.Month - 1) / 3) + 1),
            _ => new PeriodKey(grain, start.Year, start.Month),
        };
        for (; key.Start <= end; key = Next(key))
        {
            yield return key;
        }
    }

    public static PeriodKey Next(PeriodKey key) => key.Grain switch
    {
        PeriodGrain.Year => PeriodKey.ForYear(key.Year + 1),
        PeriodGrain.Quarter => key.Number == 4 ? new PeriodKey(PeriodGrain.Quarter, key.Year + 1, 1) : key with { Number = key.Number + 1 },
        _ => key.Number == 12 ? new PeriodKey(PeriodGrain.Month, key.Year + 1, 1) : key with { Number = key.Number + 1 },
    };

    /// <summary>Relative growth; null when the base is missing or zero.</summary>
    public static double? Growth(double? value, double? baseValue) =>
        value is { } v && baseValue is { } b && b != 0 ? (v - b) / b : null;

    /// <summary>
    /// Absolute change in the values' unit; null when either is missing, defined on a zero base. Values carry 15
    /// significant digits, so the difference is rounded at the 15th digit of the larger one: 12.3 - 10.1 is 2.2, not
    /// the binary 2.2000000000000011.
    /// </summary>
    public static double? Change(double? value, double? baseValue)
    {
        if (value is not { } v || baseValue is not { } b)
        {
            return null;
        }

        // Below 0.1 the 15th digit lies past the 15 decimals Math.Round can keep: such differences stay as they are.
        var magnitude = Math.Max(Math.Abs(v), Math.Abs(b));
        var digits = magnitude < 0.1 || !double.IsFinite(magnitude) ? -1 : 14 - (int)Math.Floor(Math.Log10(magnitude));
        return digits is < 0 or > 15 ? v - b : Math.Round(v - b, digits);
    }
}
