using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BudgetWarehouse.Tests.Analysis;

namespace BudgetWarehouse.Tests.Dashboard;

/// <summary>
/// The system Chromium, headless, driven over the DevTools protocol (a WebSocket; no driver package): navigate,
/// run script in the page, click at a point as a mouse does, and take screenshots. Console errors and uncaught
/// exceptions of the page are collected.
/// </summary>
internal sealed class DevToolsBrowser : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly TempDir _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private DevToolsBrowser(Process process, TempDir profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors, failed resource loads and uncaught exceptions since the last <see cref="NavigateAsync"/>.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    public static async Task<DevToolsBrowser> LaunchAsync(int width = 1440, int height = 900)
    {
        var chromium = HeadlessChromium.Require();
        var profile = new TempDir();
        var psi = new ProcessStartInfo(chromium) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                     "--disable-sync", "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--remote-debugging-port=0",
                     $"--user-data-dir={profile.Path}", $"--window-size={width},{height}", "about:blank",
                 })
        {
            psi.ArgumentList.Add(a);
        }

        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + chromium);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new DevToolsBrowser(process, profile);
        try
        {
            await browser.ConnectAsync(width, height);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    private async Task ConnectAsync(int width, int height)
    {
        // Chromium writes the port it took into the profile once DevTools listens.
        var portFile = Path.Combine(_profile.Path, "DevToolsActivePort");
        var started = Stopwatch.StartNew();
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            Assert.True(started.Elapsed < Patience && !_process.HasExited, "Chromium did not open its DevTools port");
            await Task.Delay(100);
        }

        var port = int.Parse((await File.ReadAllLinesAsync(portFile))[0], System.Globalization.CultureInfo.InvariantCulture);
        using var http = new HttpClient();
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
        var page = targets.First(t => (string?)t!["type"] == "page")!;
        await _socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
        _receiving = Task.Run(ReceiveAsync);
        await SendAsync("Runtime.enable");
        await SendAsync("Log.enable");
        await SendAsync("Page.enable");
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject { ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false });
    }

    public async Task<JsonNode?> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        return await reply.Task.WaitAsync(Patience);
    }

    /// <summary>Opens a URL and waits until the dashboard says it has drawn (body[data-state=ready]) or the page has loaded.</summary>
    public async Task NavigateAsync(string url, string readyWhen = "document.body && document.body.dataset.state === 'ready'")
    {
        Errors.Clear();
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await WaitForAsync($"location.href === {JsonSerializer.Serialize(url)} && ({readyWhen})");
    }

    /// <summary>The value of a script expression (promises awaited); a script error fails the test.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result?["exceptionDetails"] is { } error)
        {
            Assert.Fail($"script failed: {expression}\n{error.ToJsonString()}");
        }

        return result?["result"]?["value"];
    }

    public async Task<T> EvaluateAsync<T>(string expression) => (await EvaluateAsync(expression))!.GetValue<T>();

    public async Task WaitForAsync(string condition)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = $"!!({condition})", ["returnByValue"] = true });
            if (result?["result"]?["value"]?.GetValue<bool>() == true)
            {
                return;
            }

            if (started.Elapsed > Patience)
            {
                var state = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = "location.href + ' state=' + document.body?.dataset.state + ' renders=' + document.body?.dataset.renders", ["returnByValue"] = true });
                Assert.Fail($"the page never satisfied: {condition}; page: {state?["result"]?["value"]}; errors: {string.Join(" | ", Errors)}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Runs <paramref name="action"/> and waits until the dashboard has drawn again.</summary>
    public async Task RedrawAfterAsync(Func<Task> action)
    {
        var before = await EvaluateAsync<string>("document.body.dataset.renders || '0'");
        await action();
        await WaitForAsync($"document.body.dataset.renders !== '{before}' && document.body.dataset.state === 'ready'");
    }

    /// <summary>A left click at a point of the viewport, as the mouse sends it (move, press, release).</summary>
    public async Task ClickAsync(double x, double y)
    {
        foreach (var type in new[] { "mouseMoved", "mousePressed", "mouseReleased" })
        {
            // A move carries no button (a pressed one would make it a drag); the press holds the left button.
            await SendAsync("Input.dispatchMouseEvent", new JsonObject
            {
                ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = type == "mouseMoved" ? "none" : "left", ["buttons"] = type == "mousePressed" ? 1 : 0, ["clickCount"] = 1,
            });
        }
    }

    /// <summary>Clicks the middle of the element a selector finds, scrolled into view first.</summary>
    public async Task ClickElementAsync(string selector)
    {
        var box = (await EvaluateAsync($"(() => {{ const e = document.querySelector({JsonSerializer.Serialize(selector)}); e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"))!.AsArray();
        await ClickAsync(box[0]!.GetValue<double>(), box[1]!.GetValue<double>());
    }

    /// <summary>A PNG of the whole page (not just the viewport).</summary>
    public async Task ScreenshotAsync(string pngFile)
    {
        var shot = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true });
        await File.WriteAllBytesAsync(pngFile, Convert.FromBase64String((string)shot!["data"]!));
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_stop.IsCancellationRequested)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                Dispatch(JsonNode.Parse(message.ToArray())!);
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The browser closed or the test ended.
        }
    }

    private void Dispatch(JsonNode message)
    {
        if (message["id"] is { } id && _pending.TryRemove(id.GetValue<int>(), out var reply))
        {
            if (message["error"] is { } error)
            {
                reply.SetException(new InvalidOperationException("DevTools: " + error.ToJsonString()));
            }
            else
            {
                reply.SetResult(message["result"]);
            }

            return;
        }

        var p = message["params"];
        switch ((string?)message["method"])
        {
            case "Runtime.consoleAPICalled" when (string?)p!["type"] is "error" or "assert":
                Errors.Enqueue("console: " + string.Join(" ", p["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString())));
                break;
            case "Runtime.exceptionThrown":
                Errors.Enqueue("exception: " + p!["exceptionDetails"]!.ToJsonString());
                break;
            case "Log.entryAdded" when (string?)p!["entry"]!["level"] == "error":
                Errors.Enqueue("log: " + (string?)p["entry"]!["text"] + " " + (string?)p["entry"]!["url"]);
                break;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _receiving;
        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        _profile.Dispose();
    }
}
