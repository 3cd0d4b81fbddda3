using System.Globalization;

namespace Governance.EtlBenchmark;

/// <summary>
/// Command-line options: <c>--villages N --years N --engines sqlite,postgres --postgres CONN --work DIR --keep true</c> (keep
/// the PostgreSQL database to inspect plans) <c>--rollups on|off|both</c> (the load with roll-up maintenance, without it, or
/// one of each on a fresh warehouse).
/// </summary>
internal sealed record BenchmarkOptions(int Villages, int Years, IReadOnlyList<string> Engines, string? Postgres, string Work, bool Keep, IReadOnlyList<bool> Rollups)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
        return new BenchmarkOptions(
            Int("villages", 25_000),
            Int("years", 5),
            (values.GetValueOrDefault("engines") ?? "sqlite,postgres").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES"),
            values.GetValueOrDefault("work") ?? Path.Combine(Path.GetTempPath(), "governance-etl-benchmark"),
            values.GetValueOrDefault("keep") == "true",
            (values.GetValueOrDefault("rollups") ?? "on") switch
            {
                "off" => [false],
                "both" => [false, true],
                _ => [true],
            });
    }
}
