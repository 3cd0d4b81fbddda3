using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Governance.Api.Tests.Support;

/// <summary>
/// One page of Debian's headless chromium driven over the DevTools protocol (a WebSocket; no Playwright, no browser
/// download): navigate, evaluate script, press keys, take a screenshot. Find the executable with <see cref="HeadlessChromium.Executable"/>.
/// </summary>
public sealed class ChromiumPage : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly List<JsonNode> _events = [];
    private int _id;

    private ChromiumPage(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    public static Task<ChromiumPage> OpenAsync(string executable, CancellationToken cancellationToken) => OpenAsync(executable, [], cancellationToken);

    /// <summary>Starts chromium with <paramref name="arguments"/> beside the usual ones (e.g. <c>--host-resolver-rules</c> to cut it off every host).</summary>
    public static async Task<ChromiumPage> OpenAsync(string executable, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var profile = Directory.CreateTempSubdirectory("governance-chromium-");
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--remote-debugging-port=0", "--window-size=1400,900",
            $"--user-data-dir={profile.FullName}",
        }.Concat(arguments).Append("about:blank"))
        {
            start.ArgumentList.Add(argument);
        }

        var page = new ChromiumPage(Process.Start(start)!, profile);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        string? line;
        while ((line = await page._process.StandardError.ReadLineAsync(timeout.Token)) is not null && !line.StartsWith("DevTools listening on ", StringComparison.Ordinal))
        {
        }

        Assert.True(line is not null, "chromium did not open its DevTools port.");
        var browser = new Uri(line["DevTools listening on ".Length..].Trim());
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://{browser.Authority}/json/list"), timeout.Token))!.AsArray();
        var target = targets.First(t => (string?)t!["type"] == "page")!;
        await page._socket.ConnectAsync(new Uri((string)target["webSocketDebuggerUrl"]!), timeout.Token);
        _ = page._process.StandardError.ReadToEndAsync(CancellationToken.None); // keep draining chromium's log
        return page;
    }

    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken) =>
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);

    /// <summary>The value of a script expression (promises awaited), as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var answer = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancellationToken);
        Assert.True(answer["exceptionDetails"] is null, $"{expression}: {answer["exceptionDetails"]?.ToJsonString()}");
        return answer["result"]?["value"]?.DeepClone();
    }

    /// <summary>Waits until a script expression is true; fails with <paramref name="what"/> after <paramref name="seconds"/>.</summary>
    public async Task WaitForAsync(string expression, string what, CancellationToken cancellationToken, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while ((await EvaluateAsync($"!!({expression})", cancellationToken))?.GetValue<bool>() != true)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {seconds} s waiting for {what}.");
            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>Types <paramref name="text"/> into the focused element, one key press (down, char, up) a character.</summary>
    public async Task TypeAsync(string text, CancellationToken cancellationToken)
    {
        foreach (var c in text)
        {
            var key = c.ToString();
            await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyDown", ["key"] = key, ["text"] = key }, cancellationToken);
            await SendAsync("Input.dispatchKeyEvent", new JsonObject { ["type"] = "keyUp", ["key"] = key }, cancellationToken);
        }
    }

    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken) =>
        Convert.FromBase64String((string)(await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken))["data"]!);

    /// <summary>
    /// The DevTools events received so far (<c>method</c> and <c>params</c>: console messages, network requests, ...), in
    /// order. Events are read while a command waits for its answer, so send one (an evaluation) before reading them.
    /// </summary>
    public IReadOnlyList<JsonNode> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Sends a DevTools command (e.g. <c>Network.enable</c>, <c>Emulation.setDeviceMetricsOverride</c>) and returns its result.</summary>
    public async Task<JsonNode> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var id = ++_id;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        while (true)
        {
            var answer = await ReceiveAsync(cancellationToken);
            if ((int?)answer["id"] == id)
            {
                Assert.True(answer["error"] is null, $"{method}: {answer["error"]?.ToJsonString()}");
                return answer["result"]!;
            }

            if (answer["method"] is not null)
            {
                lock (_events)
                {
                    _events.Add(answer);
                }
            }
        }
    }

    private async Task<JsonNode> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(chunk, cancellationToken);
            buffer.Write(chunk, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return JsonNode.Parse(buffer.ToArray()) ?? throw new JsonException("An empty DevTools message.");
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        _profile.Delete(recursive: true);
    }
}
