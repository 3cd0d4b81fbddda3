namespace Governance.LoadTest;

/// <summary>What wrk measured (drive.lua): requests, latency percentiles in ms, status codes, socket errors, and who answered.</summary>
internal sealed record WrkFigures(
    long Requests,
    double Seconds,
    double P50,
    double P95,
    double P99,
    double Max,
    Dictionary<string, long> StatusCodes,
    Dictionary<string, long> Servers,
    Dictionary<string, long> Upstreams,
    long ConnectErrors,
    long ReadErrors,
    long WriteErrors,
    long Timeouts)
{
    public double RequestsPerSecond => Requests / Seconds;

    public long Non2xx => StatusCodes.Where(s => !s.Key.StartsWith('2')).Sum(s => s.Value);

    public long ServerErrors => StatusCodes.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value);

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;
}
