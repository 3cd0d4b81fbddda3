using MathNet.Numerics;

namespace Governance.Warehouse.Querying.Statistics;

/// <summary>
/// Growth of a yearly series: CAGR between the end points and the trend of a least-squares line through ln(value) on
/// the year (growth = e^slope - 1). Where a value is zero or negative the log fit is impossible, and the trend is a
/// straight line through the values themselves (so a count falling towards a target of 0 still projects).
/// </summary>
public sealed record GrowthTrend(IReadOnlyList<(int Year, double Value)> Points)
{
    private readonly (double Intercept, double Slope)? _fit = Fit(Points);

    /// <summary>True when the trend is fitted on the log values (all values positive).</summary>
    public bool IsLogFit => Points.Count > 0 && Points.All(p => p.Value > 0);

    public double? Cagr => Points.Count >= 2 && Points[0].Value > 0 && Points[^1].Value >= 0 && Points[^1].Year > Points[0].Year
        ? Math.Pow(Points[^1].Value / Points[0].Value, 1.0 / (Points[^1].Year - Points[0].Year)) - 1
        : null;

    /// <summary>The last value minus the first (the same end points as CAGR), in the indicator's unit; null for fewer than two points.</summary>
    public double? Change => Points.Count >= 2 ? PeriodMath.Change(Points[^1].Value, Points[0].Value) : null;

    /// <summary>e^slope - 1 of the log fit; null without a log fit.</summary>
    public double? TrendGrowth => IsLogFit && _fit is { } f ? Math.Exp(f.Slope) - 1 : null;

    /// <summary>r² of the fit on the values it was fitted to; null for fewer than three points or a constant series.</summary>
    public double? RSquared
    {
        get
        {
            if (_fit is not { } f || Points.Count < 3)
            {
                return null;
            }

            // A constant series (a village with no income in every year) leaves nothing to explain: r² is 0/0, not a number.
            var observed = Points.Select(p => Transform(p.Value)).ToArray();
            var modelled = Points.Select(p => f.Intercept + (f.Slope * p.Year)).ToArray();
            var rSquared = GoodnessOfFit.RSquared(modelled, observed);
            return double.IsFinite(rSquared) ? rSquared : null;
        }
    }

    /// <summary>
    /// The first whole year in which the trend is at or above <paramref name="target"/> (at or below it when
    /// <paramref name="lowerIsBetter"/>); null when the trend never gets there (flat or moving away).
    /// </summary>
    public int? ProjectedYear(double target, bool lowerIsBetter = false)
    {
        // A log line never reaches 0 or below: such targets (no weak villages left) are projected on the straight line.
        var logScale = IsLogFit && target > 0;
        var fit = logScale ? _fit : LinearFit(Points);
        if (fit is not { } f)
        {
            return null;
        }

        var towards = lowerIsBetter ? f.Slope < 0 : f.Slope > 0;
        if (!towards)
        {
            return null;
        }

        var year = ((logScale ? Math.Log(target) : target) - f.Intercept) / f.Slope;
        return (int)Math.Ceiling(year - 1e-9);
    }

    private double Transform(double value) => IsLogFit ? Math.Log(value) : value;

    private static (double Intercept, double Slope)? Fit(IReadOnlyList<(int Year, double Value)> points) =>
        points.All(p => p.Value > 0) ? Line(points, Math.Log) : LinearFit(points);

    private static (double Intercept, double Slope)? LinearFit(IReadOnlyList<(int Year, double Value)> points) => Line(points, v => v);

    private static (double Intercept, double Slope)? Line(IReadOnlyList<(int Year, double Value)> points, Func<double, double> transform)
    {
        if (points.Count < 2)
        {
            return null;
        }

        var (intercept, slope) = MathNet.Numerics.Fit.Line(points.Select(p => (double)p.Year).ToArray(), points.Select(p => transform(p.Value)).ToArray());
        return (intercept, slope);
    }
}
