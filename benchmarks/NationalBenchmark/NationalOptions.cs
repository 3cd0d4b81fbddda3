using System.Globalization;

namespace Governance.NationalBenchmark;

/// <summary>
/// Command-line options: <c>--engine sqlite|postgres</c>, <c>--scale national|province[:CODE]</c> (default national; a
/// province, 41 unless named, for a quick run), <c>--iterations N</c> (timed requests per measurement, default 5),
/// <c>--postgres CONN</c> (else GOVERNANCE_TEST_POSTGRES), <c>--work DIR</c>, <c>--divisions DIR</c>,
/// <c>--rollups-setting NAME</c> (the setting that turns roll-up maintenance off, default Warehouse:Rollups:Maintain),
/// <c>--unmaintained-load true|false</c> (load a second warehouse without roll-up maintenance, default true),
/// <c>--load true|false</c> (false: ask the questions of the warehouse an earlier run of the same scale left, loading
/// nothing; default true), <c>--keep true|false</c> (keep the warehouse at the end, default false).
/// </summary>
internal sealed record NationalOptions(string Engine, string? Province, int Iterations, string? Postgres, string Work, string? DivisionsFolder, string RollupsSetting, bool UnmaintainedLoad, bool Load, bool Keep)
{
    public bool National => Province is null;

    public string ScaleName => National ? "national" : $"province {Province}";

    public static NationalOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new UsageException($"Options come in pairs (--name value); '{args[i]}' has no value. See the usage in docs/benchmarks.md.");
            }

            values[args[i][2..]] = args[++i];
        }

        var known = new HashSet<string>(["engine", "scale", "iterations", "postgres", "work", "divisions", "rollups-setting", "unmaintained-load", "load", "keep"], StringComparer.Ordinal);
        if (values.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown)
        {
            throw new UsageException($"Unknown option --{unknown}; known: {string.Join(", ", known.Select(k => "--" + k))}.");
        }

        var engine = values.GetValueOrDefault("engine") ?? "sqlite";
        if (engine is not ("sqlite" or "postgres"))
        {
            throw new UsageException($"--engine must be sqlite or postgres, not '{engine}'.");
        }

        var scale = values.GetValueOrDefault("scale") ?? "national";
        var province = scale switch
        {
            "national" => (string?)null,
            "province" => "41",
            _ when scale.StartsWith("province:", StringComparison.Ordinal) && scale.Length == 11 && scale[9..].All(char.IsAsciiDigit) => scale[9..],
            _ => throw new UsageException($"--scale must be national, province or province:NN (two digits), not '{scale}'."),
        };
        var iterations = int.TryParse(values.GetValueOrDefault("iterations") ?? "5", NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException("--iterations must be a positive whole number.");
        var postgres = values.GetValueOrDefault("postgres") ?? Environment.GetEnvironmentVariable("GOVERNANCE_TEST_POSTGRES");
        if (engine == "postgres" && string.IsNullOrWhiteSpace(postgres))
        {
            throw new UsageException("--engine postgres needs a server: pass --postgres CONN or set GOVERNANCE_TEST_POSTGRES (a server where the benchmark may create a database).");
        }

        var unmaintained = Flag(values, "unmaintained-load", true);
        var load = Flag(values, "load", true);

        return new NationalOptions(
            engine,
            province,
            iterations,
            postgres,
            values.GetValueOrDefault("work") ?? Path.Combine(Path.GetTempPath(), "governance-national-benchmark"),
            values.GetValueOrDefault("divisions"),
            values.GetValueOrDefault("rollups-setting") ?? "Warehouse:Rollups:Maintain",
            unmaintained && load,
            load,
            Flag(values, "keep", false));
    }

    private static bool Flag(Dictionary<string, string> values, string name, bool byDefault) => values.GetValueOrDefault(name) switch
    {
        null => byDefault,
        "true" => true,
        "false" => false,
        var other => throw new UsageException($"--{name} must be true or false, not '{other}'."),
    };
}
