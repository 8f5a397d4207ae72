using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>
/// A verb that runs once and stops the host. The exit code is set explicitly: on .NET 10 a failed
/// BackgroundService would otherwise still exit 0.
/// </summary>
internal abstract class OneShotWorker(IHostApplicationLifetime lifetime, ILogger logger) : BackgroundService
{
    protected abstract Task<int> RunAsync(CancellationToken stoppingToken);

    /// <summary>The one <c>error:</c> line of a failed run; the command line prints it once the host's logging has drained.</summary>
    public string? FailureLine { get; private set; }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            Environment.ExitCode = await RunAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            Environment.ExitCode = 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A file the verb was pointed at cannot be read or written: the path and reason say it all.
            FailureLine = $"error: {ex.Message}";
            Environment.ExitCode = 2;
        }
#pragma warning disable CA1031 // the verb's last line of defence: report, set the exit code, stop
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // One line for the user; the stack trace only with --verbose (debug logging).
            logger.LogDebug(ex, "{Verb} failed: {Message}", GetType().Name, ex.Message);
            FailureLine = $"error: {ex.Message}";
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}
