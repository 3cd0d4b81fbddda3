namespace Governance.NationalBenchmark;

/// <summary>Options the benchmark cannot run with: the message says which and what it takes.</summary>
internal sealed class UsageException(string message) : Exception(message);
