using System.Text;
using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>What <c>bw docs</c> was asked to write.</summary>
internal sealed record DocsRequest(string OutPath, string? DatabasePath);

/// <summary>The <c>docs</c> verb: writes the Markdown data dictionary of the current snapshot.</summary>
internal sealed class DocsWorker(DocsRequest request, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<DocsWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var path = request.DatabasePath ?? WarehouseDatabase.CurrentPath(store);
            await using var connection = await WarehouseDatabase.OpenReadOnlyAsync(path, stoppingToken).ConfigureAwait(false);
            var markdown = await DataDictionary.BuildAsync(connection, request.DatabasePath is null ? "the warehouse's current snapshot" : Path.GetFileName(path), stoppingToken).ConfigureAwait(false);
            var outPath = Path.GetFullPath(request.OutPath);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(outPath)!);
                await File.WriteAllTextAsync(outPath, markdown, new UTF8Encoding(false), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The runtime's message for an unwritable place can be "could not find": say what was attempted.
                throw new IOException($"cannot write {outPath}: {ex.Message}", ex);
            }

            await Console.Out.WriteLineAsync($"wrote {outPath}").ConfigureAwait(false);
            return 0;
        }
        catch (WarehouseNotFoundException ex)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
