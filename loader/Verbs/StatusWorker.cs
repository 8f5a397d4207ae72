using System.Globalization;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Verbs;

/// <summary>
/// The <c>status</c> verb: the current snapshot, the last runs and every document the last run rejected or kept
/// stale, with its reason. Opens the current snapshot's database read-only, so it never disturbs a load.
/// Exit 0 when a snapshot is published, 1 when there is none.
/// </summary>
internal sealed class StatusWorker(SnapshotStore store, StatusWorker.Settings settings, IHostApplicationLifetime lifetime, ILogger<StatusWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    internal sealed record Settings(int Runs, int CoverageRows = 10);

    private sealed record UnknownWordRow(string StatusRaw, long Counts, long Documents, string Example, int Line);

    private sealed record RunRow(string RunId, DateTime StartedAt, DateTime? FinishedAt, string SnapshotId, int DocumentsSeen, int DocumentsLoaded,
        int DocumentsUnchanged, int DocumentsRejected, int DocumentsRemoved, string Status, string? Message);

    private sealed record DocRow(string FileName, string Status, string? Error, int? ErrorLine, string? DocumentId);

    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        var output = Console.Out;
        if (store.CurrentSnapshotDir is not { } dir || !File.Exists(Path.Combine(dir, SnapshotStore.DatabaseFile)))
        {
            await output.WriteLineAsync($"warehouse {store.Root}: no snapshot published yet (run `bw load` or `bw serve`)").ConfigureAwait(false);
            return 1;
        }

        // The resolved path, opened once: a publish during this command swaps the link, not this file.
        await using var connection = await SandboxConnection.OpenAsync(Path.Combine(dir, SnapshotStore.DatabaseFile), null, stoppingToken).ConfigureAwait(false);
        var runs = (await connection.QueryAsync<RunRow>(new CommandDefinition(
            "select run_id as RunId, started_at as StartedAt, finished_at as FinishedAt, snapshot_id as SnapshotId, documents_seen as DocumentsSeen, documents_loaded as DocumentsLoaded, " +
            "documents_unchanged as DocumentsUnchanged, documents_rejected as DocumentsRejected, documents_removed as DocumentsRemoved, status as Status, message as Message " +
            "from etl_run order by started_at desc limit $n", new { n = settings.Runs }, cancellationToken: stoppingToken)).ConfigureAwait(false)).ToList();
        var documents = await connection.ExecuteScalarAsync<long>(new CommandDefinition("select count(*) from dim_document", cancellationToken: stoppingToken)).ConfigureAwait(false);
        var snapshots = Directory.Exists(store.SnapshotsDir) ? Directory.GetDirectories(store.SnapshotsDir).Length : 0;
        await output.WriteLineAsync($"warehouse {store.Root}").ConfigureAwait(false);
        await output.WriteLineAsync($"current snapshot {Path.GetFileName(dir)}: {documents:N0} documents ({snapshots} snapshot folder(s) on disk)").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync($"last {runs.Count} run(s), newest first:").ConfigureAwait(false);
        await output.WriteLineAsync($"  {"run",-28} {"started (UTC)",-19} {"took",6} {"status",-8} {"seen",5} {"loaded",6} {"unchgd",6} {"reject",6} {"removd",6}").ConfigureAwait(false);
        foreach (var r in runs)
        {
            var took = r.FinishedAt is { } f ? $"{(f - r.StartedAt).TotalSeconds:0.0}s" : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {r.RunId,-28} {r.StartedAt:yyyy-MM-dd HH:mm:ss} {took,6} {r.Status,-8} {r.DocumentsSeen,5} {r.DocumentsLoaded,6} {r.DocumentsUnchanged,6} {r.DocumentsRejected,6} {r.DocumentsRemoved,6}")).ConfigureAwait(false);
        }

        await WriteCoverageAsync(connection, output, stoppingToken).ConfigureAwait(false);
        await ListUnknownStatusWordsAsync(connection, output, stoppingToken).ConfigureAwait(false);
        if (runs.Count == 0)
        {
            return 0;
        }

        var problems = (await connection.QueryAsync<DocRow>(new CommandDefinition(
            "select file_name as FileName, status as Status, error as Error, error_line as ErrorLine, document_id as DocumentId from etl_document " +
            "where run_id = $r and status in ('rejected', 'stale') order by status, file_name", new { r = runs[0].RunId }, cancellationToken: stoppingToken)).ConfigureAwait(false)).ToList();
        await output.WriteLineAsync().ConfigureAwait(false);
        if (problems.Count == 0)
        {
            await output.WriteLineAsync($"run {runs[0].RunId}: no rejected or stale documents").ConfigureAwait(false);
            return 0;
        }

        await output.WriteLineAsync($"run {runs[0].RunId}: {problems.Count} document(s) rejected or stale:").ConfigureAwait(false);
        foreach (var p in problems)
        {
            var where = p.ErrorLine is > 0 && !p.FileName.Contains(':', StringComparison.Ordinal) ? $"{p.FileName}:{p.ErrorLine}" : p.FileName;
            var kept = p.Status == "stale" ? $" (rows of the last good version {p.DocumentId} kept)" : "";
            await output.WriteLineAsync($"  {p.Status,-8} {where}: {p.Error}{kept}").ConfigureAwait(false);
        }

        return 0;
    }

    private sealed record CoverageRow(string FileName, double Coverage, long Lines, long Unrecognised);

    // Coverage per document (dim_document.coverage): the spread, then the documents least understood first.
    private async Task WriteCoverageAsync(DuckDBConnection connection, TextWriter output, CancellationToken cancellationToken)
    {
        var rows = (await connection.QueryAsync<CoverageRow>(new CommandDefinition(
            "select d.file_name as FileName, d.coverage as Coverage, count(l.source_line) as Lines, count(l.source_line) filter (where l.role = 'unrecognised') as Unrecognised " +
            "from dim_document as d left join fact_source_line as l using (document_id) where d.coverage is not null " +
            "group by all order by d.coverage, d.file_name limit $n", new { n = settings.CoverageRows }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var spread = await connection.QuerySingleAsync<(long Documents, double Min, double Mean, long Below)>(new CommandDefinition(
            "select count(*), min(coverage), avg(coverage), count(*) filter (where coverage < 0.99) from dim_document where coverage is not null",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"coverage (share of non-blank lines understood): {spread.Documents:N0} documents, min {spread.Min:0.000}, mean {spread.Mean:0.000}, {spread.Below:N0} under 0.99")).ConfigureAwait(false);
        await output.WriteLineAsync($"  {"coverage",8} {"lines",6} {"unrec",6}  document (lowest first)").ConfigureAwait(false);
        foreach (var r in rows)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {r.Coverage,8:0.000} {r.Lines,6} {r.Unrecognised,6}  {r.FileName}")).ConfigureAwait(false);
        }
    }

    /// <summary>Status words of plan-progress reports that the scheme file does not know: they load as class other until added.</summary>
    private static async Task ListUnknownStatusWordsAsync(DuckDBConnection connection, TextWriter output, CancellationToken cancellationToken)
    {
        // A snapshot written before the column existed has nothing to list.
        var hasColumn = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "select count(*) from duckdb_columns() where table_name = 'fact_plan_status' and column_name = 'is_scheme_word'", cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (hasColumn == 0)
        {
            return;
        }

        var words = (await connection.QueryAsync<UnknownWordRow>(new CommandDefinition(
            "select s.status_raw as StatusRaw, count(*) as Counts, count(distinct s.document_id) as Documents, min(d.file_name) as Example, min(s.source_line) as Line " +
            "from fact_plan_status as s inner join dim_document as d on d.document_id = s.document_id where not s.is_scheme_word " +
            "group by s.status_raw order by Documents desc, s.status_raw", cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
        await output.WriteLineAsync().ConfigureAwait(false);
        if (words.Count == 0)
        {
            await output.WriteLineAsync("status words: every plan-progress status word is in reference/plan_status_words.csv").ConfigureAwait(false);
            return;
        }

        await output.WriteLineAsync($"{words.Count} status word(s) not in reference/plan_status_words.csv (loaded as class 'other'; add a row to classify them):").ConfigureAwait(false);
        foreach (var w in words)
        {
            await output.WriteLineAsync($"  {w.StatusRaw}: {w.Counts} count(s) in {w.Documents} document(s), e.g. {w.Example}:{w.Line}").ConfigureAwait(false);
        }
    }
}
