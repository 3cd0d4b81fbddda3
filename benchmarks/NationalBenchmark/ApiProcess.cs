using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Governance.ApiBenchmark;

namespace Governance.NationalBenchmark;

/// <summary>The real API (src/Api, Release) over the benchmark's warehouse, on a free local port, with or without its answer cache.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ApiProcess(Process process, HttpClient http)
    {
        _process = process;
        Http = http;
    }

    public HttpClient Http { get; }

    /// <summary>Peak resident memory so far (VmHWM), in MB.</summary>
    public double? PeakMegabytes => Processes.PeakResidentMegabytes(_process.Id);

    public static async Task<ApiProcess> StartAsync(Warehouse warehouse, bool answerCache)
    {
        var port = Processes.FreePort();
        var environment = new Dictionary<string, string>(warehouse.Environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["Warehouse__MigrateOnStart"] = "false",
            ["Api__Limits__RequestsPerMinute"] = "1000000",
            ["Api__AnswerCache__Enabled"] = answerCache ? "true" : "false",
            ["Api__Limits__ExecutionTimeoutSeconds"] = "3600", // the benchmark measures how long a question takes: a 30 s cut-off would hide it
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        var info = Processes.Start(Processes.Program("Api"), environment);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) });
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting.");
            }

            try
            {
                using var response = await api.Http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(500);
        }

        await api.DisposeAsync();
        throw new TimeoutException("The API did not become healthy within two minutes.");
    }

    /// <summary>Posts a query and returns its data; an error or a non-success status is an exception naming it.</summary>
    public async Task<JsonNode> QueryAsync(string query)
    {
        using var response = await Http.PostAsJsonAsync(new Uri("/graphql", UriKind.Relative), new { query });
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        if (!response.IsSuccessStatusCode || body?["errors"] is not null || body?["data"] is not { } data)
        {
            throw new InvalidOperationException($"The API answered {(int)response.StatusCode}: {body?.ToJsonString()}");
        }

        return data;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        Http.Dispose();
        return ValueTask.CompletedTask;
    }
}
