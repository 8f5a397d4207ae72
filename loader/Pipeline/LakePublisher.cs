using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>
/// Writes the snapshot's Parquet lake: every table but the lineage, the tables filled from the views and the run log from a second connection
/// while the lineage is computed (so that the export uses the cores the lineage leaves idle), then those,
/// the lake's views and its manifest. Partitions no document changed are taken from the previous lake.
/// </summary>
internal sealed class LakePublisher(WarehouseWriter writer, string lakeDir, SnapshotChanges changes, string? previousLake, LoadMetrics metrics)
{
    private readonly (SnapshotChanges, string)? _reuse = changes.Everything ? null : (changes, previousLake!);
    private List<string> _afterLineage = [];
    private Task<IReadOnlyList<LakeTable>> _first = Task.FromResult<IReadOnlyList<LakeTable>>([]);

    /// <summary>Starts exporting the tables that are final now.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var allTables = await ParquetExporter.TablesAsync(writer.Connection, cancellationToken).ConfigureAwait(false);
        _afterLineage = [.. allTables.Where(t => t == LineageLoad.Table || WarehouseWriter.ViewAggregates.Contains(t) || t.StartsWith("etl_", StringComparison.Ordinal))];
        _first = Task.Run(() => ExportConcurrentlyAsync(writer.Connection.ConnectionString, lakeDir, allTables.Except(_afterLineage), _reuse, cancellationToken, metrics.Step), cancellationToken);
    }

    /// <summary>Waits for the first export, whatever its end: a run never leaves it running on a database it is about to close or throw away.</summary>
    public Task SettleAsync() => Task.WhenAny(_first);

    /// <summary>Exports the lineage and the run log, then writes the lake's views and manifest; returns every table exported.</summary>
    public async Task<IReadOnlyList<LakeTable>> FinishAsync(string snapshotId, string runId, TimeProvider time, IReadOnlySet<string> staleIds, CancellationToken cancellationToken)
    {
        var exported = (await _first.ConfigureAwait(false)).ToList();
        exported.AddRange(await ParquetExporter.ExportTablesAsync(writer.Connection, lakeDir, _afterLineage, cancellationToken, metrics.Step, _reuse).ConfigureAwait(false));
        IReadOnlyList<LakeTable> tables = [.. exported.OrderBy(t => t.Name, StringComparer.Ordinal)];
        await ParquetExporter.WriteViewsAsync(lakeDir, tables, cancellationToken).ConfigureAwait(false);
        var documents = await writer.Connection.QueryAsync<(string, string, string, int, string)>(
            "select document_id, file_name, family, fiscal_year, sha256 from dim_document order by file_name").ConfigureAwait(false);
        await ParquetExporter.WriteManifestAsync(lakeDir, new
        {
            SnapshotId = snapshotId,
            RunId = runId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Layout = ParquetExporter.Layout,
            Tables = tables.Select(t => new { t.Name, t.Rows, t.Path, t.PartitionedBy }),
            Documents = documents.Select(d => new { DocumentId = d.Item1, FileName = d.Item2, Family = d.Item3, FiscalYear = d.Item4, Sha256 = d.Item5, IsStale = staleIds.Contains(d.Item1) }),
        }, cancellationToken).ConfigureAwait(false);
        return tables;
    }

    /// <summary>Writes tables to the lake on a connection of its own (the same database, opened again in this process).</summary>
    private static async Task<IReadOnlyList<LakeTable>> ExportConcurrentlyAsync(string connectionString, string lakeDir, IEnumerable<string> tables,
        (SnapshotChanges, string)? reuse, CancellationToken cancellationToken, Action<string, TimeSpan>? timed = null)
    {
        await Task.Yield();
        await using var connection = new DuckDBConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ParquetExporter.ExportTablesAsync(connection, lakeDir, [.. tables], cancellationToken, timed, reuse).ConfigureAwait(false);
    }
}
