using BudgetWarehouse.Loader.Load;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>
/// Shows how a long load is going: on a terminal, a live progress bar (documents done, MB/s, ETA); otherwise
/// (redirected output, a service journal) a log line every few seconds. Loads that finish within the first
/// half second show nothing.
/// </summary>
internal static class LoadProgress
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LogEvery = TimeSpan.FromSeconds(5);

    public static async Task<T> RunAsync<T>(LoadMetrics metrics, Task<T> load, ILogger logger)
    {
        await Task.WhenAny(load, Task.Delay(Quiet)).ConfigureAwait(false);
        if (load.IsCompleted)
        {
            return await load.ConfigureAwait(false);
        }

        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            await AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    var bar = ctx.AddTask("discovering documents", maxValue: 1);
                    while (!load.IsCompleted)
                    {
                        if (metrics.DocumentsTotal > 0)
                        {
                            bar.MaxValue = metrics.DocumentsTotal;
                            bar.Value = Math.Min(metrics.DocumentsDone, metrics.DocumentsTotal - 0.5);
                            bar.Description = Describe(metrics);
                        }

                        await Task.WhenAny(load, Task.Delay(200)).ConfigureAwait(false);
                    }

                    bar.Value = bar.MaxValue;
                }).ConfigureAwait(false);
        }
        else
        {
            while (!load.IsCompleted)
            {
                await Task.WhenAny(load, Task.Delay(LogEvery)).ConfigureAwait(false);
                if (!load.IsCompleted && metrics.DocumentsTotal > 0)
                {
                    var (mbPerSecond, eta) = Rate(metrics);
                    Log.LoadProgress(logger, metrics.DocumentsDone, metrics.DocumentsTotal, Math.Round(mbPerSecond, 1), eta is null ? "-" : $"{eta.Value.TotalSeconds:F0} s");
                }
            }
        }

        return await load.ConfigureAwait(false);
    }

    private static string Describe(LoadMetrics m)
    {
        if (m.DocumentsDone >= m.DocumentsTotal)
        {
            return $"{m.DocumentsTotal:N0} documents parsed; indexing and writing Parquet";
        }

        var (mbPerSecond, _) = Rate(m);
        return $"{m.DocumentsDone:N0}/{m.DocumentsTotal:N0} documents, {mbPerSecond:F1} MB/s";
    }

    /// <summary>MB/s over the run so far and the time left for the remaining bytes at that rate.</summary>
    internal static (double MbPerSecond, TimeSpan? Eta) Rate(LoadMetrics m)
    {
        var seconds = m.Elapsed.TotalSeconds;
        var done = m.BytesDone;
        var mbPerSecond = seconds > 0 ? done / 1e6 / seconds : 0;
        TimeSpan? eta = done > 0 ? TimeSpan.FromSeconds(seconds * (m.BytesTotal - done) / done) : null;
        return (mbPerSecond, eta);
    }
}
