using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>What <c>bw validate</c> was asked to check.</summary>
internal sealed record ValidateRequest(string? DatabasePath);

/// <summary>The <c>validate</c> verb: every data test of sql/tests against the current snapshot; exit 1 when any fails.</summary>
internal sealed class ValidateWorker(ValidateRequest request, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<ValidateWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var path = request.DatabasePath ?? WarehouseDatabase.CurrentPath(store);
            await using var connection = await WarehouseDatabase.OpenReadOnlyAsync(path, stoppingToken).ConfigureAwait(false);
            var results = await DataTests.RunAsync(connection, stoppingToken).ConfigureAwait(false);
            DataTests.Report(results, Console.Out);
            return results.Any(r => r.Status is DataTestStatus.Fail or DataTestStatus.Error) ? 1 : 0;
        }
        catch (WarehouseNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
