using Governance.Warehouse.Querying.Planning;
namespace Governance.Warehouse.Querying.Sources;

/// <summary>
/// The decimals a grouped sum is exact at, and the one place the engine rounds the grouped rows it consumes to them.
/// The facts carry four decimals (<c>fct_indicator_value.value</c>, weights alike), so a sum of values is exact at four
/// and a sum of value x weight at eight. The fact path adds doubles in SQL (148.34 comes back as 148.33999999999997, and
/// the last bits depend on the order the database adds in); the roll-ups add the exact decimals
/// (<see cref="Rollups.RollupTotal"/>). Rounded to the kept scale, both give the double nearest the exact decimal, bit for
/// bit, whichever source answered. Every engine path that reads grouped totals (observations, growth, attainment,
/// distributions' area values, the pager's page in the database) passes them through <see cref="Round(IndicatorPlan, IReadOnlyList{GroupTotal})"/>
/// or <see cref="Round(IndicatorPlan, IReadOnlyList{double})"/> before any rule is applied.
/// </summary>
/// <remarks>
/// Exact while a sum times 10^scale stays below 2^53: values to 9 x 10^11 (at four decimals), value x weight sums to
/// 9 x 10^7 (at eight). The roll-ups hold the sums as 64-bit integers of the same scale.
/// </remarks>
internal static class KeptScale
{
    /// <summary>Decimal places of a value, of a weight, and of a sum of either.</summary>
    public const int Value = 4;

    /// <summary>Decimal places of a sum of value x weight (a weighted average's numerator).</summary>
    public const int Weighted = 8;

    /// <summary>The decimal places of an input's value sum: <see cref="Weighted"/> for a weighted input, else <see cref="Value"/>.</summary>
    public static int Of(QueryInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Weight is null ? Value : Weighted;
    }

    /// <summary>A sum at <paramref name="scale"/> decimals: the double nearest the exact decimal it stands for.</summary>
    public static double Round(double sum, int scale)
    {
        var factor = scale == Weighted ? 1e8 : 1e4;
        return Math.Round(sum * factor) / factor;
    }

    /// <summary>Each row's value sum at its input's scale, its weight sum at <see cref="Value"/>; counts as they are.</summary>
    public static IReadOnlyList<GroupTotal> Round(IndicatorPlan plan, IReadOnlyList<GroupTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(totals);
        var scales = plan.Inputs.ToDictionary(i => i.Role, Of);
        return [.. totals.Select(t => Round(t, scales.GetValueOrDefault(t.Role, Value)))];
    }

    /// <summary>The area values of a summed plan (one input) at its scale.</summary>
    public static IReadOnlyList<double> Round(IndicatorPlan plan, IReadOnlyList<double> sums)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(sums);
        var scale = plan.Inputs.Count > 0 ? Of(plan.Inputs[0]) : Value;
        return [.. sums.Select(s => Round(s, scale))];
    }

    private static GroupTotal Round(GroupTotal total, int scale) => new()
    {
        GroupCode = total.GroupCode,
        PeriodKey = total.PeriodKey,
        Role = total.Role,
        Sum = Round(total.Sum, scale),
        Weight = Round(total.Weight, Value),
        Meeting = total.Meeting,
        Units = total.Units,
    };
}
