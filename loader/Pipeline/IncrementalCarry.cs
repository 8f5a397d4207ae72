using System.Data.Common;
using System.Diagnostics;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;
using Dapper;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>The database a run writes, and how it came by the rows it carries.</summary>
/// <remarks><see cref="ParseIds"/>: the documents this run parses, whose rows a copy no longer holds.</remarks>
internal sealed record CarryTarget(WarehouseWriter Writer, bool ByCopy, bool Attached, SnapshotChanges Changes, HashSet<string> ParseIds);

/// <summary>Whether the carried rows still hold once the run's documents have stated their reorganisations.</summary>
internal enum CarryCheck
{
    Holds,

    /// <summary>The department rows differ from those the carried rows were re-keyed against: the run starts again, parsing everything.</summary>
    Invalidated,
}

/// <summary>
/// Carries the rows of unchanged documents from the previous snapshot: by copying its database and deleting
/// what changed, or by building a fresh one and inserting the carried rows from the previous one, attached.
/// Keeps the last good rows of documents that loaded before and are rejected now (stale). Its SQL is in sql/carry.
/// </summary>
internal sealed class IncrementalCarry(WarehouseOptions options, ILogger logger, LoadMetrics metrics)
{
    /// <summary>Loads by copy in a row before the database is built fresh again, so deleted rows do not pile up.</summary>
    private const int MaxCopyGenerations = 50;

    private const string PreviousCatalog = "previous_snapshot";

    public async Task<CarryTarget> OpenAsync(CarryPlan plan, PreviousSnapshot previous, string dbPath, bool forceFresh, CancellationToken cancellationToken)
    {
        var parseIds = plan.ToParse.Where(w => w.Sha is not null).Select(w => Transform.Ids.Document(w.Sha!)).ToHashSet(StringComparer.Ordinal);
        var byCopy = options.IncrementalByCopy && !forceFresh && plan.SameCode && plan.Unchanged.Count > 0 && previous.State!.CopyGeneration < MaxCopyGenerations;
        var changes = SnapshotChanges.Incremental();
        var writer = byCopy ? await OpenCopyAsync(previous.Database!, dbPath, parseIds, changes, cancellationToken).ConfigureAwait(false) : null;
        byCopy = writer is not null;
        writer ??= await WarehouseWriter.CreateAsync(dbPath, cancellationToken, options.DuckDbMemoryLimit).ConfigureAwait(false);
        return new CarryTarget(writer, byCopy, false, byCopy ? changes : SnapshotChanges.All, parseIds);
    }

    /// <summary>A fresh database (not a copy) takes the run history and the unchanged documents' rows from the previous one, attached.</summary>
    public async Task<CarryTarget> CarryIntoFreshAsync(CarryTarget target, CarryPlan plan, PreviousSnapshot previous, CancellationToken cancellationToken)
    {
        if (target.ByCopy)
        {
            return target;
        }

        var writer = target.Writer;

        // Fresh database: the run history and the unchanged documents' rows come from the previous snapshot.
        var attached = previous.HasDatabase && await AttachAsync(writer, previous.Database!, cancellationToken).ConfigureAwait(false);
        if (attached)
        {
            await CarryHistoryAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        if (plan.Unchanged.Count > 0 && !(attached && await CarryRowsAsync(writer, plan.Unchanged.Select(u => u.Previous.DocumentId), cancellationToken).ConfigureAwait(false)))
        {
            // Carrying failed (the previous file is damaged, or its tables differ): parse them instead.
            plan.ParseUnchanged();
        }

        return target with { Attached = attached };
    }

    /// <summary>
    /// Rejected documents that loaded before and whose rows this snapshot does not hold otherwise. (In a copy
    /// they are still there, unless their id was parsed again and cleared before appending.)
    /// </summary>
    public static List<(EtlDocumentRow Record, LoadStateDocument Previous)> StaleCandidates(IEnumerable<EtlDocumentRow> parsed, IEnumerable<LoadStateDocument> state, CarryPlan plan, CarryTarget target)
    {
        var present = new HashSet<string>(state.Select(s => s.DocumentId), StringComparer.Ordinal);
        return [.. parsed
            .Where(r => r.Status == "rejected" && plan.PreviousByFile.TryGetValue(r.FileName, out var p) && !present.Contains(p.DocumentId) && !(target.ByCopy && target.ParseIds.Contains(p.DocumentId)))
            .Select(r => (Record: r, Previous: plan.PreviousByFile[r.FileName]))
            .DistinctBy(c => c.Previous.DocumentId)];
    }

    /// <summary>
    /// Facts are re-keyed across documents to the department rows valid in their year (sql/load); carried rows were
    /// re-keyed against the previous rows. When the rows' validity changed, everything must be parsed.
    /// </summary>
    public static CarryCheck Check(CarryPlan plan, int staleCount, ReferenceData reference, IEnumerable<StatedChange> stated, LoadState? previous) =>
        plan.AllowCarry && (plan.Unchanged.Count > 0 || staleCount > 0)
            && DepartmentKey(reference, stated) != DepartmentKey(reference, previous!.Documents.SelectMany(d => d.DepartmentChanges ?? []))
            ? CarryCheck.Invalidated
            : CarryCheck.Holds;

    /// <summary>Keeps the stale documents' rows: a copy still holds them, a fresh database copies them from the previous one.</summary>
    public async Task<bool> KeepStaleAsync(CarryTarget target, IEnumerable<string> documentIds, CancellationToken cancellationToken) =>
        target.ByCopy || (target.Attached && await CarryRowsAsync(target.Writer, documentIds, cancellationToken).ConfigureAwait(false));

    /// <summary>Lets go of the previous snapshot; in a copy, deletes the rows of documents this snapshot does not keep.</summary>
    public async Task FinishAsync(CarryTarget target, IEnumerable<LoadStateDocument> state, CancellationToken cancellationToken)
    {
        var writer = target.Writer;
        if (target.Attached)
        {
            await writer.ExecuteAsync(SqlScripts.Read("carry/detach.sql"), cancellationToken).ConfigureAwait(false);
        }

        if (target.ByCopy)
        {
            // The copy still holds the rows of replaced, removed and rejected (not stale) documents: those in
            // dim_document (every document's rows start with its row there) that this snapshot does not keep.
            var deleteStart = Stopwatch.GetTimestamp();
            var keep = new HashSet<string>(state.Select(d => d.DocumentId), StringComparer.Ordinal);
            var gone = (await writer.Connection.QueryAsync<string>(new CommandDefinition(SqlScripts.Read("carry/documents.sql"), cancellationToken: cancellationToken)).ConfigureAwait(false))
                .Where(id => !keep.Contains(id)).ToList();
            if (gone.Count > 0)
            {
                await target.Changes.AddDocumentsAsync(writer.Connection, gone, cancellationToken).ConfigureAwait(false);
                await DeleteDocumentsAsync(writer, gone, cancellationToken).ConfigureAwait(false);
            }

            metrics.Step("delete the rows of documents gone", Stopwatch.GetElapsedTime(deleteStart));
        }
    }

    /// <summary>The department rows the reorganisations give, without their evidence: what re-keying facts depends on.</summary>
    private static string DepartmentKey(ReferenceData reference, IEnumerable<StatedChange> changes) =>
        string.Join('\n', new OrgDirectory(reference.Directory).Apply(changes).Rows()
            .Select(r => string.Join('\u001f', r.DepartmentId, r.Name, r.Bureau, r.Kind, r.Municipality, r.ValidFromFy, r.ValidToFy, r.Parent))
            .Order(StringComparer.Ordinal));

    /// <summary>
    /// Copies the previous snapshot's database and prepares it for this run: views dropped (sql/views makes
    /// them again), tables without a document_id (derived by sql/load or appended whole each run) emptied, except the
    /// lineage, which <see cref="LineageLoad"/> brings up to date series by series, and agg_theme_year with its
    /// fingerprints, which sql/load/900_agg_theme_year.sql brings up to date the same way, the tables sql/aggregate
    /// derives from the lineage (<see cref="WarehouseWriter.ViewAggregates"/>), brought up to date for the series the
    /// lineage recomputed, and
    /// the rows of documents about to be parsed again deleted. Null, with nothing left behind, when that fails.
    /// </summary>
    private async Task<WarehouseWriter?> OpenCopyAsync(string previousDb, string dbPath, HashSet<string> parseIds, SnapshotChanges changes, CancellationToken cancellationToken)
    {
        WarehouseWriter? writer = null;
        try
        {
            var started = Stopwatch.GetTimestamp();
            File.Copy(previousDb, dbPath);
            metrics.Step("copy the previous database", Stopwatch.GetElapsedTime(started));
            started = Stopwatch.GetTimestamp();
            writer = await WarehouseWriter.OpenAsync(dbPath, cancellationToken, options.DuckDbMemoryLimit).ConfigureAwait(false);
            foreach (var view in await QueryNamesAsync(writer, "carry/views.sql", cancellationToken).ConfigureAwait(false))
            {
                await writer.ExecuteAsync(SqlScripts.Read("carry/drop_view.sql").Replace("{view}", view, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }

            var derived = await QueryNamesAsync(writer, "carry/derived_tables.sql", cancellationToken).ConfigureAwait(false);
            foreach (var table in derived.Where(t => t != LineageLoad.Table && !WarehouseWriter.ViewAggregates.Contains(t) && t is not ("agg_theme_year" or "agg_theme_year_series")))
            {
                await writer.ExecuteAsync(SqlScripts.Read("carry/empty_table.sql").Replace("{table}", table, StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            }

            await changes.AddDocumentsAsync(writer.Connection, parseIds, cancellationToken).ConfigureAwait(false);
            await DeleteDocumentsAsync(writer, parseIds, cancellationToken).ConfigureAwait(false);
            metrics.Step("clear the copy's derived tables and changed documents", Stopwatch.GetElapsedTime(started));
            return writer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DbException)
        {
            Log.RowsNotCarried(logger, ex.Message);
            if (writer is not null)
            {
                await writer.DisposeAsync().ConfigureAwait(false);
            }

            File.Delete(dbPath);
            File.Delete(dbPath + ".wal");
            return null;
        }
    }

    private static async Task<List<string>> QueryNamesAsync(WarehouseWriter writer, string script, CancellationToken cancellationToken) =>
        [.. await writer.Connection.QueryAsync<string>(new CommandDefinition(SqlScripts.Read(script), cancellationToken: cancellationToken)).ConfigureAwait(false)];

    /// <summary>Deletes, in every table with a document_id (the run log excepted), the rows of the given documents.</summary>
    private static async Task DeleteDocumentsAsync(WarehouseWriter writer, IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', documentIds);
        var delete = SqlScripts.Read("carry/delete_rows.sql");
        foreach (var table in await QueryNamesAsync(writer, "carry/document_tables.sql", cancellationToken).ConfigureAwait(false))
        {
            await writer.ExecuteAsync(delete.Replace("{table}", table, StringComparison.Ordinal), cancellationToken, ids).ConfigureAwait(false);
        }
    }

    private async Task<bool> AttachAsync(WarehouseWriter writer, string previousDb, CancellationToken cancellationToken)
    {
        try
        {
            await writer.ExecuteAsync(SqlScripts.Read("carry/attach.sql").Replace("{path}", previousDb.Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbException ex)
        {
            Log.HistoryNotCarried(logger, ex.Message);
            return false;
        }
    }

    private async Task CarryHistoryAsync(WarehouseWriter writer, CancellationToken cancellationToken)
    {
        try
        {
            await writer.ExecuteAsync("begin transaction", cancellationToken).ConfigureAwait(false);
            await writer.ExecuteAsync(SqlScripts.Read("carry/history.sql"), cancellationToken).ConfigureAwait(false);
            await writer.ExecuteAsync("commit", cancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            await writer.ExecuteAsync("rollback", cancellationToken).ConfigureAwait(false);
            Log.HistoryNotCarried(logger, ex.Message);
        }
    }

    /// <summary>
    /// Copies every row of the given documents from the previous snapshot, for every table that has a
    /// document_id column (the run log excepted), so tables added later are carried without code here. Only the
    /// columns both tables have are copied. All or nothing: false (and nothing copied) when anything fails.
    /// </summary>
    private async Task<bool> CarryRowsAsync(WarehouseWriter writer, IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', documentIds);
        var connection = writer.Connection;
        try
        {
            var tables = await QueryNamesAsync(writer, "carry/document_tables.sql", cancellationToken).ConfigureAwait(false);
            var shared = SqlScripts.Read("carry/shared_columns.sql");
            var copy = SqlScripts.Read("carry/copy_rows.sql");
            await writer.ExecuteAsync("begin transaction", cancellationToken).ConfigureAwait(false);
            foreach (var table in tables)
            {
                var columns = (await connection.QueryAsync<string>(new CommandDefinition(shared, new { p = PreviousCatalog, t = table }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                if (columns.Count == 0)
                {
                    continue;
                }

                var list = string.Join(", ", columns.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
                await writer.ExecuteAsync(copy.Replace("{table}", table, StringComparison.Ordinal).Replace("{columns}", list, StringComparison.Ordinal), cancellationToken, ids).ConfigureAwait(false);
            }

            await writer.ExecuteAsync("commit", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbException ex)
        {
            await writer.ExecuteAsync("rollback", cancellationToken).ConfigureAwait(false);
            Log.RowsNotCarried(logger, ex.Message);
            return false;
        }
    }
}
