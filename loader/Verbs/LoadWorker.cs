using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>The <c>load</c> verb: one full load, a summary on stdout, exit code 0 / 2 / 1.</summary>
internal sealed class LoadWorker(LoadPipeline pipeline, LoadMetrics metrics, IHostApplicationLifetime lifetime, ILogger<LoadWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        var outcome = await LoadProgress.RunAsync(metrics, pipeline.RunAsync(stoppingToken), logger).ConfigureAwait(false);
        var output = Console.Out;
        foreach (var r in outcome.Documents.Where(d => d.Status is "rejected" or "stale"))
        {
            var where = r.ErrorLine is > 0 && !r.FileName.Contains(':', StringComparison.Ordinal) ? $"{r.FileName}:{r.ErrorLine}" : r.FileName;
            await output.WriteLineAsync($"{r.Status} {where}: {r.Error}").ConfigureAwait(false);
        }

        foreach (var r in outcome.Documents.Where(d => d.Status == "loaded" && d.Warnings is not null))
        {
            foreach (var warning in r.Warnings!.Split('\n'))
            {
                await output.WriteLineAsync(warning).ConfigureAwait(false);
            }
        }

        if (outcome.SnapshotId is null)
        {
            await output.WriteLineAsync($"nothing published: {outcome.Failure}").ConfigureAwait(false);
            return outcome.ExitCode;
        }

        await output.WriteLineAsync($"snapshot {outcome.SnapshotId}: {outcome.Loaded} loaded, {outcome.Unchanged} unchanged, {outcome.Rejected} rejected ({outcome.Stale} stale), {outcome.Removed} removed").ConfigureAwait(false);
        foreach (var t in outcome.Tables.Where(t => !t.Name.StartsWith("etl_", StringComparison.Ordinal)))
        {
            await output.WriteLineAsync($"  {t.Name,-24} {t.Rows,10:N0} rows").ConfigureAwait(false);
        }

        return outcome.ExitCode;
    }
}
