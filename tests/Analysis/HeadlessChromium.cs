using System.Diagnostics;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// Debian's Chromium in headless mode, started fresh for each call (own profile folder, no network
/// services). Missing browser: the test is skipped with the reason, except under CI=true, where it fails.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Require()
    {
        var path = Environment.GetEnvironmentVariable("BW_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";
        if (File.Exists(path))
        {
            return path;
        }

        var reason = $"headless Chromium not found at {path} (apt-get install chromium fonts-noto-cjk; .ci/run installs them)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI=true: " + reason);
        }

        Skip.If(true, reason);
        return path;
    }

    /// <summary>The DOM after the page's scripts ran.</summary>
    public static Task<string> DumpDomAsync(string chromium, string htmlFile) =>
        RunAsync(chromium, ["--dump-dom", new Uri(htmlFile).AbsoluteUri]);

    public static async Task ScreenshotAsync(string chromium, string htmlFile, string pngFile, int width = 1280, int height = 2000)
    {
        File.Delete(pngFile);
        await RunAsync(chromium, ["--hide-scrollbars", $"--window-size={width},{height}", $"--screenshot={pngFile}", new Uri(htmlFile).AbsoluteUri]);
        Assert.True(File.Exists(pngFile) && new FileInfo(pngFile).Length > 0, $"Chromium wrote no screenshot to {pngFile}");
    }

    private static async Task<string> RunAsync(string chromium, IEnumerable<string> args)
    {
        using var profile = new TempDir();
        var psi = new ProcessStartInfo(chromium)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--no-first-run", "--disable-sync", "--disable-extensions", "--mute-audio", $"--user-data-dir={profile.Path}",
                 }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + chromium);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s: {await stderr}");
        }

        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"Chromium exited {process.ExitCode}: {await stderr}");
        return output;
    }
}
