using System.Diagnostics;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Models;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>
/// What one run did to each document (etl_document's rows, in the order they were decided) and the state
/// the next run compares its inputs with (load-state.json), with the counts of the run's etl_run row.
/// </summary>
internal sealed class RunLog(DateTime started)
{
    public DateTime Started { get; } = started;

    public string RunId { get; } = started.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];

    public Stopwatch Elapsed { get; } = Stopwatch.StartNew();

    public List<EtlDocumentRow> Documents { get; } = [];

    /// <summary>The documents whose rows the snapshot holds.</summary>
    public List<LoadStateDocument> State { get; } = [];

    public int Loaded { get; private set; }

    public int Unchanged { get; private set; }

    public int Stale { get; private set; }

    public int Removed { get; private set; }

    public long Rows { get; private set; }

    public int RejectedCount => Documents.Count(e => e.Status is "rejected" or "stale");

    public static EtlDocumentRow Rejected(string runId, string file, string? docId, string? sha, string? family, DocumentException ex) => new()
    {
        RunId = runId,
        FileName = file,
        DocumentId = docId,
        Sha256 = sha,
        Status = "rejected",
        Family = family,
        Error = ex.Reason,
        ErrorLine = ex.Line,
    };

    public void AddProblems(IEnumerable<ManifestProblem> problems)
    {
        foreach (var p in problems.Where(p => !p.IsWarning))
        {
            // Manifest rows are recorded under "manifest.csv:LINE"; a link found in documents/ under its own name.
            var where = p.Line > 0 ? $"{Manifest.FileName}:{p.Line}" : p.File ?? Manifest.FileName;
            var reason = p.File is null || p.Line == 0 ? p.Reason : $"{p.File}: {p.Reason}";
            Documents.Add(Rejected(RunId, where, null, null, null, new DocumentException(where, p.Line, reason)));
        }
    }

    public void AddUnchanged(IEnumerable<(Work Work, LoadStateDocument Previous)> unchanged)
    {
        foreach (var (w, p) in unchanged)
        {
            Documents.Add(new EtlDocumentRow { RunId = RunId, FileName = w.Input.FileName, DocumentId = p.DocumentId, Sha256 = p.Sha256, Status = "unchanged", Family = p.Family, RowCount = p.RowCount });
            State.Add(p with { Status = "unchanged" });
            Rows += p.RowCount;
            Unchanged++;
        }
    }

    public void AddLoaded(EtlDocumentRow record, DocumentRows rows, string inputKey)
    {
        Loaded++;
        Rows += rows.RowCount;
        State.Add(new LoadStateDocument(record.FileName, record.DocumentId!, record.Sha256!, inputKey, rows.RowCount, "loaded", record.Family, [.. rows.DepartmentChanges]));
    }

    /// <summary>Records the parsed documents in input order; a rejected one whose last good rows were kept is marked stale.</summary>
    public void AddParsed(IEnumerable<EtlDocumentRow> parsed, IReadOnlyList<(EtlDocumentRow Record, LoadStateDocument Previous)> staleCandidates, bool keptStale)
    {
        foreach (var record in parsed)
        {
            var candidate = staleCandidates.FirstOrDefault(c => ReferenceEquals(c.Record, record));
            if (keptStale && candidate.Record is not null)
            {
                Documents.Add(record with { Status = "stale", DocumentId = candidate.Previous.DocumentId, Sha256 = record.Sha256, RowCount = candidate.Previous.RowCount, Family = record.Family ?? candidate.Previous.Family });
                State.Add(candidate.Previous with { Status = "stale" });
                Rows += candidate.Previous.RowCount;
                Stale++;
            }
            else
            {
                Documents.Add(record);
            }
        }
    }

    /// <summary>Documents of the previous snapshot whose file is no longer among the inputs.</summary>
    public void AddRemoved(IReadOnlyDictionary<string, LoadStateDocument> previousByFile, IEnumerable<Work> work)
    {
        var seenFiles = new HashSet<string>(work.Select(w => w.Input.FileName), StringComparer.Ordinal);
        foreach (var p in previousByFile.Values.Where(p => !seenFiles.Contains(p.FileName)).OrderBy(p => p.FileName, StringComparer.Ordinal))
        {
            Documents.Add(new EtlDocumentRow { RunId = RunId, FileName = p.FileName, DocumentId = p.DocumentId, Sha256 = p.Sha256, Status = "removed", Family = p.Family });
            Removed++;
        }
    }

    public void LogRejected(ILogger logger)
    {
        foreach (var r in Documents.Where(e => e.Status is "rejected" or "stale"))
        {
            Log.DocumentRejected(logger, r.FileName, r.ErrorLine ?? 0, r.Error ?? "");
        }
    }

    /// <summary>
    /// Appends etl_document's rows in file order and the run's etl_run row, and keeps etl_document's rows of the
    /// newest <paramref name="documentHistoryRuns"/> runs only (0: all), so that it does not grow by a row per
    /// document per run without bound; etl_run keeps a row for every run.
    /// </summary>
    public async Task WriteAsync(WarehouseWriter writer, string seedsPath, string snapshotId, int seen, DateTime finished, int documentHistoryRuns,
        CancellationToken cancellationToken)
    {
        Documents.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        writer.AppendRunLog(Documents);
        var rejected = RejectedCount;
        var message = $"{Loaded} loaded, {Unchanged} unchanged, {rejected} rejected ({Stale} stale, rows kept), {Removed} removed";
        await writer.ExecuteAsync(
            "insert into etl_run values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", cancellationToken,
            RunId, Started, finished, seedsPath, snapshotId, seen,
            Loaded, Unchanged, rejected, Removed, rejected > 0 ? "partial" : "ok", message).ConfigureAwait(false);
        if (documentHistoryRuns > 0)
        {
            await writer.ExecuteAsync(
                "delete from etl_document where run_id not in (select run_id from etl_run order by started_at desc, run_id desc limit $1)", cancellationToken,
                documentHistoryRuns).ConfigureAwait(false);
        }
    }
}
