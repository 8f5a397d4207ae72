using System.Threading.Channels;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>
/// The <c>serve</c> verb: loads, then watches the seeds folder (documents/, manifest.csv, reference/) and
/// reloads when something changed. Bursts of file events are debounced into one reload; a periodic rescan
/// catches what the watcher missed; each reload re-parses only documents whose content (or manifest row)
/// changed and publishes a new snapshot, or nothing when the inputs are as the current snapshot was built.
/// Stops cleanly on SIGTERM / Ctrl+C (exit 0, a load in progress is cancelled and its partial snapshot
/// removed); a fatal error stops the host with exit code 1.
/// </summary>
internal sealed class ServeWorker(LoadPipeline pipeline, IOptions<WarehouseOptions> warehouse, IOptions<ServeOptions> serve,
    IHostApplicationLifetime lifetime, ILogger<ServeWorker> logger) : BackgroundService
{
    private readonly Channel<string> _changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ServeOptions _serve = serve.Value;
    private int _failures;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var seeds = warehouse.Value.SeedsPath;
            if (!Directory.Exists(seeds))
            {
                throw new DirectoryNotFoundException($"seeds folder {seeds} not found");
            }

            Log.ServeStarted(logger, seeds, warehouse.Value.WarehousePath, _serve.DebounceMilliseconds, _serve.RescanSeconds);
            using var watcher = Watch(seeds, warehouse.Value.WarehousePath);
            await ReloadAsync(stoppingToken).ConfigureAwait(false);
            while (!stoppingToken.IsCancellationRequested)
            {
                await WaitForChangeAsync(stoppingToken).ConfigureAwait(false);
                await ReloadAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // SIGTERM / Ctrl+C: a clean stop.
        }
#pragma warning disable CA1031 // the service's last line of defence: log, set the exit code, stop the host
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ServeFatal(logger, ex);
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
            return;
        }

        Log.ServeStopped(logger);
    }

    private FileSystemWatcher Watch(string seeds, string warehouseDir)
    {
        var watcher = new FileSystemWatcher(seeds)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
            InternalBufferSize = 64 * 1024,
        };
        var ownPrefix = warehouseDir.TrimEnd('/') + "/";
        void OnChange(object sender, FileSystemEventArgs e)
        {
            // A warehouse kept inside the seeds folder must not trigger itself.
            if (!e.FullPath.StartsWith(ownPrefix, StringComparison.Ordinal))
            {
                Log.ChangeSeen(logger, e.ChangeType.ToString(), e.FullPath);
                _changes.Writer.TryWrite(e.FullPath);
            }
        }

        watcher.Created += OnChange;
        watcher.Changed += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += OnChange;
        watcher.Error += (_, e) =>
        {
            Log.WatcherError(logger, e.GetException().Message);
            _changes.Writer.TryWrite(seeds);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    /// <summary>Returns after a burst of changes has gone quiet (or the maximum delay passed), or when the rescan is due.</summary>
    private async Task WaitForChangeAsync(CancellationToken stoppingToken)
    {
        using (var rescan = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
        {
            rescan.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _serve.RescanSeconds)));
            try
            {
                await _changes.Reader.WaitToReadAsync(rescan.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }

        var first = DateTime.UtcNow;
        while (true)
        {
            while (_changes.Reader.TryRead(out _))
            {
            }

            var left = TimeSpan.FromMilliseconds(_serve.MaxDelayMilliseconds) - (DateTime.UtcNow - first);
            var wait = TimeSpan.FromMilliseconds(Math.Min(_serve.DebounceMilliseconds, Math.Max(0, left.TotalMilliseconds)));
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            quiet.CancelAfter(wait);
            try
            {
                await _changes.Reader.WaitToReadAsync(quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ReloadAsync(CancellationToken stoppingToken)
    {
        try
        {
            var outcome = await pipeline.RunAsync(LoadMode.IfChanged, stoppingToken).ConfigureAwait(false);
            _failures = 0;
            if (outcome.NothingChanged)
            {
                Log.NothingChanged(logger, outcome.SnapshotId);

                // No load ran, so nothing removed superseded snapshots past their grace period.
                pipeline.TryCollect();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            // Transient as far as we can tell (another load holds the lock, disk full, a file vanished mid-read):
            // the current snapshot stays; the next change or rescan tries again.
            _failures++;
            Log.ReloadFailed(logger, ex, _failures, _serve.MaxConsecutiveFailures);
            if (_failures >= _serve.MaxConsecutiveFailures)
            {
                throw new InvalidOperationException($"{_failures} reloads failed in a row; last: {ex.Message}", ex);
            }
        }
    }
}
