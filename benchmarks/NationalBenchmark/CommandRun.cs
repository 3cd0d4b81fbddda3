namespace Governance.NationalBenchmark;

/// <summary>What one run of the <c>governance</c> command took: wall-clock time, peak resident memory, its summary and phase lines.</summary>
internal sealed record CommandRun(TimeSpan Elapsed, double? PeakMegabytes, IReadOnlyList<string> Lines);
