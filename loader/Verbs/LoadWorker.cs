using System.Globalization;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>The <c>load</c> verb: one load (nothing when nothing changed), a summary on stdout, exit code 0 / 2 / 1.</summary>
internal sealed class LoadWorker(LoadPipeline pipeline, LoadMetrics metrics, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<LoadWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        var outcome = await LoadProgress.RunAsync(metrics, pipeline.RunAsync(LoadMode.IfChanged, stoppingToken), logger).ConfigureAwait(false);
        var output = Console.Out;
        if (outcome.NothingChanged)
        {
            await output.WriteLineAsync($"nothing changed since snapshot {outcome.SnapshotId} (documents, manifest, reference data, loader): nothing published").ConfigureAwait(false);
            return 0;
        }

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

        await WriteCoverageAsync(output, stoppingToken).ConfigureAwait(false);
        return outcome.ExitCode;
    }

    // The share of lines understood, over the documents of the published snapshot (bw status lists them).
    private async Task WriteCoverageAsync(TextWriter output, CancellationToken cancellationToken)
    {
        if (store.CurrentSnapshotDir is not { } dir || !File.Exists(Path.Combine(dir, SnapshotStore.DatabaseFile)))
        {
            return;
        }

        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(dir, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var c = await connection.QuerySingleAsync<(long Documents, double? Min, double? Mean, long Below)>(new CommandDefinition(
            "select count(*), min(coverage), avg(coverage), count(*) filter (where coverage < 0.99) from dim_document where coverage is not null",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (c.Documents > 0)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"coverage: {c.Documents:N0} documents, min {c.Min:0.000}, mean {c.Mean:0.000}, {c.Below:N0} under 0.99 (bw status lists the lowest)")).ConfigureAwait(false);
        }
    }
}
