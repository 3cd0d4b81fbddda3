namespace Governance.LoadTest;

/// <summary>What autocannon measured: requests, latency percentiles in ms, and the answers that were not 2xx.</summary>
internal sealed record LoadFigures(
    long Requests,
    double RequestsPerSecond,
    double P50,
    double P99,
    long Non2xx,
    long ServerErrors,
    long Errors,
    long Timeouts,
    Dictionary<string, long> StatusCodes);
