namespace Governance.Etl.Demo;

/// <summary>What <c>governance demo</c> generates: a county of <see cref="Townships"/> townships over the years <see cref="FromYear"/> to <see cref="ToYear"/>.</summary>
public sealed record DemoOptions(
    string OutputDirectory,
    int Seed = DemoOptions.DefaultSeed,
    int Townships = 12,
    int VillagesPerTownship = 16,
    int FromYear = 2019,
    int ToYear = 2024)
{
    public const int DefaultSeed = 20241;

    /// <summary>The demo county: 江西省上饶市 digits, county 24.</summary>
    public const string CountyCode = "361124000000";

    /// <summary>Communities per township: a quarter of the villages, at least one.</summary>
    public int CommunitiesPerTownship => Math.Max(1, (int)Math.Round(VillagesPerTownship / 4.0));

    /// <summary>The first year the merged village exists; null when the range is a single year.</summary>
    public int? MergeYear => ToYear > FromYear ? Math.Clamp(2023, FromYear + 1, ToYear) : null;

    /// <summary>The year the targets aim at.</summary>
    public int TargetYear => Math.Max(2025, ToYear + 1);

    /// <summary>A message naming the first bad option, or null when all are usable.</summary>
    public string? Problem() => this switch
    {
        { Townships: < 1 or > 99 } => $"--townships is {Townships}; it must be between 1 and 99.",
        { VillagesPerTownship: < 3 or > 190 } => $"--villages-per-township is {VillagesPerTownship}; it must be between 3 and 190.",
        { FromYear: < 2000 } => $"--from is {FromYear}; it must be 2000 or later.",
        _ when ToYear < FromYear => $"--to is {ToYear}; it must not be before --from {FromYear}.",
        { ToYear: > 2049 } => $"--to is {ToYear}; it must be 2049 or earlier.",
        _ when string.IsNullOrWhiteSpace(OutputDirectory) => "--out names no directory.",
        _ => null,
    };
}
