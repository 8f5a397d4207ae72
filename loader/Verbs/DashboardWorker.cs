using System.Net;
using BudgetWarehouse.Loader.Dashboard;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>Where the dashboard listens: <c>bw dashboard --port</c> or <c>bw serve --http</c>.</summary>
internal sealed record DashboardRequest(int Port, string Address = "127.0.0.1");

/// <summary>
/// Runs the dashboard's web server until the host stops (Ctrl+C, SIGTERM). On its own (<c>bw dashboard</c>) or
/// beside the loader (<c>bw serve --http</c>), where each reload's new snapshot is picked up by the next request.
/// </summary>
internal sealed class DashboardWorker(DashboardRequest request, SnapshotStore store, IOptions<WarehouseOptions> options, ILoggerProvider logging, ILogger<DashboardWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var server = DashboardServer.Create(store, [options.Value.SeedsPath], IPAddress.Parse(request.Address), request.Port, logging);
            await server.StartAsync(stoppingToken).ConfigureAwait(false);
            await Console.Out.WriteLineAsync($"dashboard {server.Address} (warehouse {store.Root}; Ctrl+C stops)").ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping: the host was asked to shut down.
            }

            await server.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            // The port is taken, most often: one line, exit 1.
            logger.LogError(ex, "dashboard could not start: {Message}", ex.Message);
            await Console.Error.WriteLineAsync($"error: dashboard could not listen on {request.Address}:{request.Port}: {ex.Message}").ConfigureAwait(false);
            Environment.ExitCode = 1;
        }
    }
}
