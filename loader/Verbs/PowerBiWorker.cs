using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.PowerBi;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>Settings of one <c>powerbi</c> run, from its flags.</summary>
internal sealed record PowerBiRequest(string OutDir, string? LakeFolder);

/// <summary>The <c>powerbi</c> verb: writes the PBIP project of the current snapshot.</summary>
internal sealed class PowerBiWorker(PowerBiRequest request, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<PowerBiWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        var outcome = await PbipProject.WriteAsync(store, request.OutDir, request.LakeFolder, stoppingToken).ConfigureAwait(false);
        await Console.Out.WriteLineAsync($"powerbi {outcome.ProjectFile}: snapshot {outcome.SnapshotId}, {outcome.Tables} tables, {outcome.Relationships} relationships, " +
            $"{outcome.Hierarchies} hierarchies, {outcome.Measures} measures").ConfigureAwait(false);
        return 0;
    }
}
