using Governance.Etl.Readers;

namespace Governance.Etl.Loading;

/// <summary>Settings under <c>Etl</c> that the loaders read.</summary>
public sealed class LoadingOptions
{
    public const string Section = "Etl";

    /// <summary>|robust z| of the log year-over-year change above which a loaded value is listed as a warning.</summary>
    public double OutlierThreshold { get; set; } = 3.5;

    /// <summary>Fewest year-over-year pairs of an indicator in a batch for a robust z-score to mean anything.</summary>
    public int OutlierMinimumPairs { get; set; } = 8;

    /// <summary>A progress line is logged every this many rows read.</summary>
    public int ProgressLogRows { get; set; } = 50_000;

    /// <summary>The most a file may hold (<c>Etl:Limits:*</c>); past a bound it is rejected whole.</summary>
    public ReadLimits Limits { get; set; } = new();
}
