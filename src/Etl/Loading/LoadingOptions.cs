using System.ComponentModel.DataAnnotations;
using Governance.Etl.Readers;

namespace Governance.Etl.Loading;

/// <summary>Settings under <c>Etl</c> that the loaders read (checked when the host starts).</summary>
public sealed class LoadingOptions
{
    public const string Section = "Etl";

    /// <summary>|robust z| of the log year-over-year change above which a loaded value may be listed as a warning.</summary>
    [Range(0.5, 1_000)]
    public double OutlierThreshold { get; set; } = 3.5;

    /// <summary>Fewest year-over-year pairs of an indicator in a batch for a robust z-score to mean anything.</summary>
    [Range(3, int.MaxValue)]
    public int OutlierMinimumPairs { get; set; } = 8;

    /// <summary>
    /// A flagged value must also be at least this many times the year before, or at most its reciprocal: a change that
    /// is unusual for the indicator but small (3 to 4 compounds, income up 40% where 15% is usual) is not worth a look.
    /// </summary>
    [Range(1.0, 1_000)]
    public double OutlierMinimumRatio { get; set; } = 2;

    /// <summary>For counts (units 个, 人, 户, ...), a flagged value must also differ from the year before by at least this much.</summary>
    [Range(0.0, 1_000_000)]
    public double OutlierMinimumAbsoluteChange { get; set; } = 3;

    /// <summary>A progress line is logged every this many rows read.</summary>
    [Range(1, int.MaxValue)]
    public int ProgressLogRows { get; set; } = 50_000;

    /// <summary>The most a file may hold (<c>Etl:Limits:*</c>); past a bound it is rejected whole.</summary>
    public ReadLimits Limits { get; set; } = new();
}
