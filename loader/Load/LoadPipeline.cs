using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Service;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Models;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Loader.Load;

/// <summary>What a load did.</summary>
internal sealed record LoadOutcome(
    string RunId,
    string? SnapshotId,
    int Seen,
    int Loaded,
    int Unchanged,
    int Rejected,
    long Rows,
    IReadOnlyList<EtlDocumentRow> Documents,
    IReadOnlyList<LakeTable> Tables,
    string? Failure)
{
    /// <summary>0 when every document loaded, 2 when some were rejected but a snapshot was published, 1 when nothing was published.</summary>
    public int ExitCode => SnapshotId is null ? 1 : Rejected > 0 ? 2 : 0;
}

/// <summary>
/// One load run: discover → decode → parse (in parallel) → transform → append (one writer) → derive →
/// export Parquet → publish the snapshot. A bad document is rejected with its file and line and the rest
/// still load; nothing is published when no document loaded, so the last good snapshot stays current.
/// </summary>
internal sealed class LoadPipeline(FamilyDetector detector, IOptions<WarehouseOptions> options, ILogger<LoadPipeline> logger, TimeProvider time)
{
    private readonly WarehouseOptions _options = options.Value;
    private Transform.Reference.ReferenceData _reference = Transform.Reference.ReferenceData.Empty;

    public async Task<LoadOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var runId = started.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var stopwatch = Stopwatch.StartNew();
        var store = new SnapshotStore(_options.WarehousePath);
        Directory.CreateDirectory(store.Root);
        Log.LoadStarted(logger, runId, _options.SeedsPath, store.Root);

        using var writerLock = AcquireLock(store.Root);
        store.Collect(TimeSpan.FromSeconds(_options.SnapshotGraceSeconds));
        if (Reference.ReferenceLoad.TryRead(_options.SeedsPath, out _reference) is { } referenceFailure)
        {
            Log.NothingPublished(logger, runId, referenceFailure);
            return new LoadOutcome(runId, null, 0, 0, 0, 0, 0, [], [], referenceFailure);
        }

        var problems = new List<ManifestProblem>();
        var (manifest, manifestProblems) = Manifest.Read(Path.Combine(_options.SeedsPath, Manifest.FileName), detector.SupportedFamilies);
        problems.AddRange(manifestProblems);
        var inputs = DocumentInputs.Discover(_options.SeedsPath, manifest, problems);

        var etl = new List<EtlDocumentRow>();
        foreach (var p in problems)
        {
            // Manifest rows are recorded under "manifest.csv:LINE"; a link found in documents/ under its own name.
            var where = p.Line > 0 ? $"{Manifest.FileName}:{p.Line}" : p.File ?? Manifest.FileName;
            var reason = p.File is null || p.Line == 0 ? p.Reason : $"{p.File}: {p.Reason}";
            etl.Add(Rejected(runId, where, null, null, null, new DocumentException(where, p.Line, reason)));
        }

        var work = await HashAsync(inputs, cancellationToken).ConfigureAwait(false);
        var (snapshotId, snapshotDir) = store.Begin(started);
        var loaded = 0;
        long rows = 0;
        IReadOnlyList<LakeTable> tables = [];
        try
        {
            var dbPath = Path.Combine(snapshotDir, SnapshotStore.DatabaseFile);
            await using (var writer = await WarehouseWriter.CreateAsync(dbPath, cancellationToken).ConfigureAwait(false))
            {
                var stated = new List<Transform.Departments.StatedChange>();
                var channel = Channel.CreateBounded<(DocumentRows? Rows, EtlDocumentRow Etl)>(new BoundedChannelOptions(32) { SingleReader = true });
                var producer = Task.Run(() => ProduceAsync(work, runId, started, channel.Writer, cancellationToken), cancellationToken);
                await foreach (var (docRows, record) in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (docRows is not null)
                    {
                        writer.Append(docRows);
                        stated.AddRange(docRows.DepartmentChanges);
                        loaded++;
                        rows += docRows.RowCount;
                    }

                    etl.Add(record);
                }

                await producer.ConfigureAwait(false);
                foreach (var r in etl.Where(e => e.Status == "rejected"))
                {
                    Log.DocumentRejected(logger, r.FileName, r.ErrorLine ?? 0, r.Error ?? "");
                }

                if (loaded == 0)
                {
                    var reason = inputs.Count == 0 ? $"no documents in {Path.Combine(_options.SeedsPath, DocumentInputs.DocumentsFolder)}" : "every document was rejected";
                    Log.NothingPublished(logger, runId, reason);
                    return new LoadOutcome(runId, null, inputs.Count, 0, 0, etl.Count(e => e.Status == "rejected"), 0, etl, [], reason);
                }

                Reference.ReferenceLoad.AppendDepartments(writer, _reference, stated);
                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
                await CarryHistoryAsync(writer, store, cancellationToken).ConfigureAwait(false);
                etl.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
                writer.AppendRunLog(etl);
                var rejected = etl.Count(e => e.Status == "rejected");
                await writer.ExecuteAsync(
                    "insert into etl_run values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", cancellationToken,
                    runId, started, time.GetUtcNow().UtcDateTime, _options.SeedsPath, snapshotId, inputs.Count + problems.Count(p => p.File is null),
                    loaded, 0, rejected, 0, rejected > 0 ? "partial" : "ok", $"{loaded} loaded, {rejected} rejected").ConfigureAwait(false);
                await writer.ExecuteAsync("checkpoint", cancellationToken).ConfigureAwait(false);

                var lakeDir = Path.Combine(snapshotDir, SnapshotStore.LakeFolder);
                tables = await ParquetExporter.ExportAsync(writer.Connection, lakeDir, cancellationToken).ConfigureAwait(false);
                var documents = await writer.Connection.QueryAsync<(string, string, string, int, string)>(
                    "select document_id, file_name, family, fiscal_year, sha256 from dim_document order by file_name").ConfigureAwait(false);
                await ParquetExporter.WriteManifestAsync(lakeDir, new
                {
                    SnapshotId = snapshotId,
                    RunId = runId,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                    Tables = tables.Select(t => new { t.Name, t.Rows, t.Path, t.PartitionedBy }),
                    Documents = documents.Select(d => new { DocumentId = d.Item1, FileName = d.Item2, Family = d.Item3, FiscalYear = d.Item4, Sha256 = d.Item5 }),
                }, cancellationToken).ConfigureAwait(false);
            }

            store.Publish(snapshotId);
            store.Collect(TimeSpan.FromSeconds(_options.SnapshotGraceSeconds));
            var rejectedCount = etl.Count(e => e.Status == "rejected");
            Log.LoadPublished(logger, runId, snapshotId, loaded, 0, rejectedCount, rows, stopwatch.ElapsedMilliseconds);
            return new LoadOutcome(runId, snapshotId, inputs.Count, loaded, 0, rejectedCount, rows, etl, tables, null);
        }
        finally
        {
            // Whatever did not get published is debris; the current snapshot is untouched.
            if (store.CurrentSnapshotId != snapshotId)
            {
                TryDelete(snapshotDir);
            }
        }
    }

    private async Task ProduceAsync(List<(DocumentInput Input, string? Sha, long Size, DocumentException? Error)> work, string runId, DateTime loadedAt,
        ChannelWriter<(DocumentRows?, EtlDocumentRow)> writer, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = _options.Parallelism > 0 ? _options.Parallelism : Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(work, parallel, async (w, ct) =>
                await writer.WriteAsync(Process(w.Input, w.Sha, w.Size, w.Error, runId, loadedAt), ct).ConfigureAwait(false)).ConfigureAwait(false);
        }
        finally
        {
            writer.Complete();
        }
    }

    private (DocumentRows?, EtlDocumentRow) Process(DocumentInput input, string? sha, long size, DocumentException? early, string runId, DateTime loadedAt)
    {
        var docId = sha is null ? null : Ids.Document(sha);
        string? family = input.Manifest?.Family;
        try
        {
            if (early is not null)
            {
                throw early;
            }

            var bytes = File.ReadAllBytes(input.FullPath);
            var source = SourceText.FromBytes(input.FileName, bytes);
            if (source.Lines.FirstOrDefault(l => l.Raw.Length > _options.MaxLineLength) is { Raw: not null } longLine)
            {
                throw new DocumentException(input.FileName, longLine.Number, $"line longer than {_options.MaxLineLength} characters");
            }

            if (source.Lines.All(l => l.IsBlank))
            {
                throw new DocumentException(input.FileName, 0, "no text (only blank lines)");
            }

            IDocumentParser parser;
            if (family is not null)
            {
                parser = detector.ForFamily(family)
                    ?? throw new DocumentException(input.FileName, 0, $"family '{family}' not supported yet (supported: {string.Join(", ", detector.SupportedFamilies)})");
            }
            else
            {
                parser = detector.Detect(source)
                    ?? throw new DocumentException(input.FileName, 0, UnrecognisedReason(source));
                family = parser.Family;
            }

            var parsed = parser.Parse(source);
            var ctx = new DocumentContext
            {
                FileName = input.FileName,
                Sha256 = sha!,
                DocumentId = docId!,
                ByteCount = size,
                LoadedAt = loadedAt,
                Municipality = input.Manifest?.Municipality,
                Title = input.Manifest?.Title,
                ManifestFiscalYear = input.Manifest?.FiscalYear,
                ManifestFamily = input.Manifest?.Family,
                Reference = _reference,
            };
            var rows = DocumentTransformer.Transform(parsed, ctx, source.Encoding, source.Lines.Count);
            return (rows, new EtlDocumentRow
            {
                RunId = runId,
                FileName = input.FileName,
                DocumentId = docId,
                Sha256 = sha,
                Status = "loaded",
                Family = family,
                Warnings = rows.Warnings.Count == 0 ? null : string.Join("\n", rows.Warnings),
                RowCount = rows.RowCount,
            });
        }
        catch (DocumentException ex)
        {
            return (null, Rejected(runId, input.FileName, docId, sha, family, ex));
        }
#pragma warning disable CA1031 // a parser bug on one document must not stop the others; it is logged with its stack and recorded
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ParserFailure(logger, ex, input.FileName);
            return (null, Rejected(runId, input.FileName, docId, sha, family, new DocumentException(input.FileName, 0, $"internal error: {ex.Message}")));
        }
    }

    private static string UnrecognisedReason(SourceText source)
    {
        var firstText = source.Lines.FirstOrDefault(l => !l.IsBlank);
        return $"no recognisable structure: not a budget-priorities or plan-progress document (first text at line {firstText.Number})";
    }

    private async Task<List<(DocumentInput, string?, long, DocumentException?)>> HashAsync(List<DocumentInput> inputs, CancellationToken cancellationToken)
    {
        var result = new (DocumentInput, string?, long, DocumentException?)[inputs.Count];
        await Parallel.ForAsync(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var input = inputs[i];
            try
            {
                var size = new FileInfo(input.FullPath).Length;
                if (size > _options.MaxFileBytes)
                {
                    result[i] = (input, null, size, new DocumentException(input.FileName, 0, $"file is {size:N0} bytes, over the {_options.MaxFileBytes:N0}-byte limit"));
                    return;
                }

                await using var stream = File.OpenRead(input.FullPath);
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
                result[i] = (input, hash, size, null);
            }
            catch (IOException ex)
            {
                result[i] = (input, null, 0, new DocumentException(input.FileName, 0, $"cannot read: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                result[i] = (input, null, 0, new DocumentException(input.FileName, 0, $"cannot read: {ex.Message}"));
            }
        }).ConfigureAwait(false);

        // The same content under two names would give two documents one id: keep the first name, reject the rest.
        var firstBySha = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            var (input, sha, size, error) = result[i];
            if (sha is null || error is not null)
            {
                continue;
            }

            if (!firstBySha.TryAdd(sha, input.FileName))
            {
                result[i] = (input, sha, size, new DocumentException(input.FileName, 0, $"same content as {firstBySha[sha]} (duplicate file)"));
            }
        }

        return [.. result];
    }

    private async Task CarryHistoryAsync(WarehouseWriter writer, SnapshotStore store, CancellationToken cancellationToken)
    {
        if (store.CurrentSnapshotDir is not { } previous || !File.Exists(Path.Combine(previous, SnapshotStore.DatabaseFile)))
        {
            return;
        }

        try
        {
            var path = Path.Combine(previous, SnapshotStore.DatabaseFile).Replace("'", "''", StringComparison.Ordinal);
            await writer.ExecuteAsync($"attach '{path}' as previous_snapshot (read_only)", cancellationToken).ConfigureAwait(false);
            try
            {
                await writer.ExecuteAsync("insert into etl_run by name select * from previous_snapshot.etl_run", cancellationToken).ConfigureAwait(false);
                await writer.ExecuteAsync("insert into etl_document by name select * from previous_snapshot.etl_document", cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await writer.ExecuteAsync("detach previous_snapshot", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            Log.HistoryNotCarried(logger, ex.Message);
        }
    }

    private static EtlDocumentRow Rejected(string runId, string file, string? docId, string? sha, string? family, DocumentException ex) => new()
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

    private static FileStream AcquireLock(string root)
    {
        var path = Path.Combine(root, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException($"another load is writing to {root} (lock {path} is held)", ex);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
