using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Report;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>Settings of one <c>report</c> run, from its flags.</summary>
internal sealed record ReportRequest(string OutFile, DateOnly? AsOf);

/// <summary>The <c>report</c> verb: writes the static HTML report of the current snapshot.</summary>
internal sealed class ReportWorker(ReportRequest request, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<ReportWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        var outcome = await ReportBuilder.WriteAsync(store, request.OutFile, request.AsOf, stoppingToken).ConfigureAwait(false);
        var output = Console.Out;
        await output.WriteLineAsync($"report {outcome.OutFile}: snapshot {outcome.SnapshotId}, {outcome.Charts} charts, {outcome.Bytes / 1024.0:0.#} KB").ConfigureAwait(false);
        foreach (var m in outcome.MissingSections)
        {
            await output.WriteLineAsync($"  not in this snapshot: {m}").ConfigureAwait(false);
        }

        return 0;
    }
}
