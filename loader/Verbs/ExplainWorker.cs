using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>What <c>bw explain</c> was asked about.</summary>
internal sealed record ExplainRequest(string Id, string? DatabasePath);

/// <summary>The <c>explain</c> verb: where a fact came from, down to its source lines.</summary>
internal sealed class ExplainWorker(ExplainRequest request, IOptions<WarehouseOptions> options, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<ExplainWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var path = request.DatabasePath ?? WarehouseDatabase.CurrentPath(store);
            await using var connection = await WarehouseDatabase.OpenReadOnlyAsync(path, stoppingToken).ConfigureAwait(false);
            // The documents are read from the seeds folder given now, else from the one the latest load read.
            var loadedFrom = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "select seeds_path from etl_run order by started_at desc limit 1", cancellationToken: stoppingToken)).ConfigureAwait(false);
            string[] seeds = loadedFrom is null ? [options.Value.SeedsPath] : [options.Value.SeedsPath, loadedFrom];
            if (await Explainer.ExplainAsync(connection, request.Id, seeds, Console.Out, stoppingToken).ConfigureAwait(false))
            {
                return 0;
            }

            await Console.Error.WriteLineAsync($"error: no fact or policy has the id '{request.Id}'").ConfigureAwait(false);
            return 1;
        }
        catch (Exception ex) when (ex is QueryException or WarehouseNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
