using System.Text;
using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>What <c>bw query</c> was asked to do.</summary>
internal sealed record QueryRequest(string Sql, ResultFormat Format, string? OutPath, bool Bom, string? DatabasePath);

/// <summary>The <c>query</c> verb: one statement against the current snapshot, opened read-only.</summary>
internal sealed class QueryWorker(QueryRequest request, SnapshotStore store, IHostApplicationLifetime lifetime, ILogger<QueryWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var path = request.DatabasePath ?? WarehouseDatabase.CurrentPath(store);
            await using var connection = await WarehouseDatabase.OpenReadOnlyAsync(path, stoppingToken,
                request.Format == ResultFormat.Parquet ? request.OutPath : null).ConfigureAwait(false);
            if (request.Format == ResultFormat.Parquet)
            {
                await QueryRunner.CopyToParquetAsync(connection, request.Sql, request.OutPath!, stoppingToken).ConfigureAwait(false);
                await Console.Error.WriteLineAsync($"wrote {request.OutPath}").ConfigureAwait(false);
                return 0;
            }

            var result = await QueryRunner.RunAsync(connection, request.Sql, stoppingToken).ConfigureAwait(false);
            await using var stream = request.OutPath is null ? Console.OpenStandardOutput() : File.Create(request.OutPath);
            await WriteAsync(result, request.Format, request.Bom, stream, stoppingToken).ConfigureAwait(false);
            return 0;
        }
        catch (Exception ex) when (ex is QueryException or WarehouseNotFoundException)
        {
            await Console.Error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
    }

    /// <summary>Writes the result as UTF-8, preceded by a byte-order mark when asked (Excel reads such CSV as UTF-8).</summary>
    public static async Task WriteAsync(QueryResult result, ResultFormat format, bool bom, Stream stream, CancellationToken cancellationToken)
    {
        if (bom)
        {
            await stream.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken).ConfigureAwait(false);
        }

        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        ResultWriter.Write(result, format, writer);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
