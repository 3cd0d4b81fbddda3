using System.Diagnostics;
using Governance.ApiBenchmark;

namespace Governance.LoadTest;

/// <summary>The built API as a process of its own on a loopback port, its console log written to a file.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private bool _disposed;

    private ApiProcess(Process process, StreamWriter log, Uri address, string logFile)
    {
        _process = process;
        _log = log;
        Address = address;
        LogFile = logFile;
    }

    public Uri Address { get; }

    public string LogFile { get; }

    /// <summary>Requests whose read failed on a replica and were answered again by the primary (the log's warnings).</summary>
    public int AnsweredAgain() => File.ReadLines(LogFile).Count(l => l.Contains("the request is answered again by the primary", StringComparison.Ordinal));

    /// <summary>Error and fatal lines of the log other than /health's (read once the process is disposed).</summary>
    public int ErrorLines() => File.ReadLines(LogFile).Count(l => IsError(l) && !IsHealth(l));

    /// <summary>Error lines of /health answering 503 (the probe's or the request's), such as while the API starts on busy cores.</summary>
    public int HealthErrorLines() => File.ReadLines(LogFile).Count(l => IsError(l) && IsHealth(l));

    public static ApiProcess Start(IReadOnlyDictionary<string, string> warehouse, string logFile, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = Processes.FreePort();
        var environment = new Dictionary<string, string>(warehouse)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Warehouse__MigrateOnStart"] = "false",
            ["Api__Limits__RequestsPerMinute"] = "0",
            ["Serilog__MinimumLevel__Default"] = "Warning",

            // The figures are the engine's: with the answer cache on, every repeated dashboard request would be a hit.
            // Api__AnswerCache__Enabled=true in the benchmark's own environment measures with it.
            ["Api__AnswerCache__Enabled"] = Environment.GetEnvironmentVariable("Api__AnswerCache__Enabled") ?? "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        var start = Processes.Start(Processes.Program("Api"), environment);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        var process = Process.Start(start)!;
        var api = new ApiProcess(process, new StreamWriter(logFile), new Uri($"http://127.0.0.1:{port}"), logFile);
        process.OutputDataReceived += (_, e) => api.Write(e.Data);
        process.ErrorDataReceived += (_, e) => api.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return api;
    }

    public async Task WaitHealthyAsync(HttpClient http)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "/health"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The API did not become healthy within a minute.");
    }

    private static bool IsError(string line) => line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal);

    private static bool IsHealth(string line) => line.Contains("GET /health", StringComparison.Ordinal) || line.Contains("Health check", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_gate)
        {
            _log.Dispose();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _log.WriteLine(line);
        }
    }
}
