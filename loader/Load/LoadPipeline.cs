using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Threading.Channels;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Service;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Loader.Transform.Departments;
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
    /// <summary>Documents loaded before whose file is gone; their rows are not in the new snapshot.</summary>
    public int Removed { get; init; }

    /// <summary>Rejected documents (counted in <see cref="Rejected"/>) whose last good rows were kept.</summary>
    public int Stale { get; init; }

    /// <summary>Series (a municipality's documents of one family) whose cross-year lineage was recomputed.</summary>
    public int LineageSeries { get; init; }

    /// <summary>True when <see cref="LoadMode.IfChanged"/> found the inputs as the current snapshot was built from them; nothing was written.</summary>
    public bool NothingChanged { get; init; }

    /// <summary>0 when every document loaded, 2 when some were rejected but a snapshot was published, 1 when nothing was published.</summary>
    public int ExitCode => SnapshotId is null ? 1 : Rejected > 0 ? 2 : 0;
}

/// <summary>Whether a run publishes a snapshot when its inputs have not changed.</summary>
internal enum LoadMode
{
    /// <summary>Always publish a new snapshot (the <c>load</c> verb).</summary>
    Publish,

    /// <summary>Publish only when a document, the manifest, the reference data or the loader changed (the service).</summary>
    IfChanged,
}

/// <summary>
/// One load run: discover → hash → carry over the rows of unchanged documents from the current snapshot (by
/// copying its database and deleting what changed, or by inserting them into a fresh one) →
/// decode, parse (in parallel) and transform the new and changed ones → append (one writer) → keep the last
/// good rows of documents that loaded before and are rejected now (stale) → derive → export Parquet →
/// publish the snapshot. A bad document is rejected with its file and line and the rest still load; nothing is
/// published when no document has rows, so the last good snapshot stays current.
/// </summary>
internal sealed class LoadPipeline(FamilyDetector detector, IOptions<WarehouseOptions> options, ILogger<LoadPipeline> logger, TimeProvider time, LoadMetrics? metrics = null)
{
    private const string PreviousCatalog = "previous_snapshot";

    /// <summary>Loads by copy in a row before the database is built fresh again, so deleted rows do not pile up.</summary>
    private const int MaxCopyGenerations = 50;
    private readonly WarehouseOptions _options = options.Value;
    private readonly LoadMetrics _metrics = metrics ?? new LoadMetrics();
    private Transform.Reference.ReferenceData _reference = Transform.Reference.ReferenceData.Empty;
    private readonly ConcurrentDictionary<string, (long Size, DateTime Modified, string Sha)> _hashes = new(StringComparer.Ordinal);
    private bool _forceFresh;

    public Task<LoadOutcome> RunAsync(CancellationToken cancellationToken) => RunAsync(LoadMode.Publish, cancellationToken);

    public async Task<LoadOutcome> RunAsync(LoadMode mode, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(mode, allowCarry: true, cancellationToken).ConfigureAwait(false);
        }
        catch (CarryInvalidatedException)
        {
            return await RunAsync(mode, allowCarry: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<LoadOutcome> RunAsync(LoadMode mode, bool allowCarry, CancellationToken cancellationToken)
    {
        var started = time.GetUtcNow().UtcDateTime;
        var runId = started.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var stopwatch = Stopwatch.StartNew();
        _metrics.Reset();
        var stageStart = LoadMetrics.Start();
        var store = new SnapshotStore(_options.WarehousePath, _options.FlushToDisk);
        Directory.CreateDirectory(store.Root);

        using var writerLock = AcquireLock(store.Root);
        store.Collect(TimeSpan.FromSeconds(_options.SnapshotGraceSeconds));
        if (Reference.ReferenceLoad.TryRead(_options.SeedsPath, out _reference) is { } referenceFailure)
        {
            Log.NothingPublished(logger, runId, referenceFailure);
            return new LoadOutcome(runId, null, 0, 0, 0, 0, 0, [], [], referenceFailure);
        }

        var problems = new List<ManifestProblem>();
        var manifestPath = Path.Combine(_options.SeedsPath, Manifest.FileName);
        var (manifest, manifestProblems) = Manifest.Read(manifestPath, detector.SupportedFamilies);
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
        var fingerprint = LoadState.CodeFingerprint(_options.SeedsPath);
        var previousDir = store.CurrentSnapshotDir;
        var previousDb = previousDir is null ? null : Path.Combine(previousDir, SnapshotStore.DatabaseFile);
        var previous = previousDb is not null && File.Exists(previousDb) ? LoadState.TryRead(previousDir) : null;
        var digest = LoadState.Digest(fingerprint, File.Exists(manifestPath) ? await File.ReadAllBytesAsync(manifestPath, cancellationToken).ConfigureAwait(false) : null,
            work.Select(w => w.Error is null ? $"{w.Input.FileName}\t{Key(w)}" : $"{w.Input.FileName}\t!{w.Error.Reason}"));
        if (mode == LoadMode.IfChanged && previous is not null && previous.InputsDigest == digest)
        {
            return new LoadOutcome(runId, store.CurrentSnapshotId, work.Count, 0, 0, 0, 0, [], [], null) { NothingChanged = true };
        }

        Log.LoadStarted(logger, runId, _options.SeedsPath, store.Root);
        var previousByFile = previous?.Documents.ToDictionary(d => d.FileName, StringComparer.Ordinal) ?? new Dictionary<string, LoadStateDocument>(StringComparer.Ordinal);
        var sameCode = allowCarry && previous?.Fingerprint == fingerprint;
        var unchanged = new List<(Work Work, LoadStateDocument Previous)>();
        var toParse = new List<Work>();
        foreach (var w in work)
        {
            if (w.Error is null && sameCode && previousByFile.TryGetValue(w.Input.FileName, out var p) && p.InputKey == Key(w) && p.DocumentId == Ids.Document(w.Sha!))
            {
                unchanged.Add((w, p));
            }
            else
            {
                toParse.Add(w);
            }
        }

        _metrics.Found(toParse.Count, toParse.Sum(w => w.Size));
        _metrics.Add(LoadStage.Discover, ref stageStart);
        var (snapshotId, snapshotDir) = store.Begin(started);
        var loaded = 0;
        long rows = 0;
        var state = new List<LoadStateDocument>();
        IReadOnlyList<LakeTable> tables = [];
        LoadOutcome outcome;
        try
        {
            var dbPath = Path.Combine(snapshotDir, SnapshotStore.DatabaseFile);
            var parseIds = toParse.Where(w => w.Sha is not null).Select(w => Ids.Document(w.Sha!)).ToHashSet(StringComparer.Ordinal);
            var byCopy = _options.IncrementalByCopy && !_forceFresh && sameCode && unchanged.Count > 0 && previous!.CopyGeneration < MaxCopyGenerations;
            var changes = SnapshotChanges.Incremental();
            var writer = byCopy ? await OpenCopyAsync(previousDb!, dbPath, parseIds, changes, cancellationToken).ConfigureAwait(false) : null;
            byCopy = writer is not null;
            changes = byCopy ? changes : SnapshotChanges.All;
            writer ??= await WarehouseWriter.CreateAsync(dbPath, cancellationToken, _options.DuckDbMemoryLimit).ConfigureAwait(false);
            _forceFresh = false;
            await using (writer)
            {
                // Fresh database: the run history and the unchanged documents' rows come from the previous snapshot.
                var attached = !byCopy && previousDb is not null && File.Exists(previousDb) && await AttachPreviousAsync(writer, previousDb, cancellationToken).ConfigureAwait(false);
                if (attached)
                {
                    await CarryHistoryAsync(writer, cancellationToken).ConfigureAwait(false);
                }

                if (!byCopy && unchanged.Count > 0 && !(attached && await CarryRowsAsync(writer, unchanged.Select(u => u.Previous.DocumentId), cancellationToken).ConfigureAwait(false)))
                {
                    // Carrying failed (the previous file is damaged, or its tables differ): parse them instead.
                    toParse.AddRange(unchanged.Select(u => u.Work));
                    unchanged.Clear();
                }

                foreach (var (w, p) in unchanged)
                {
                    etl.Add(new EtlDocumentRow { RunId = runId, FileName = w.Input.FileName, DocumentId = p.DocumentId, Sha256 = p.Sha256, Status = "unchanged", Family = p.Family, RowCount = p.RowCount });
                    state.Add(p with { Status = "unchanged" });
                    rows += p.RowCount;
                }

                var keyByFile = toParse.ToDictionary(w => w.Input.FileName, w => w.Sha is null ? "" : Key(w), StringComparer.Ordinal);

                // dim_department applies the reorganisations stated in every document with rows in the snapshot.
                var stated = new List<StatedChange>(unchanged.SelectMany(u => u.Previous.DepartmentChanges ?? []));
                var channel = Channel.CreateBounded<(int Index, (DocumentRows? Rows, EtlDocumentRow Etl) Result)>(new BoundedChannelOptions(8) { SingleReader = true });
                var producer = Task.Run(() => ProduceAsync(toParse, runId, started, channel.Writer, cancellationToken), cancellationToken);
                var parsed = new List<EtlDocumentRow>();
                await foreach (var (docRows, record) in channel.Reader.ReadAllAsync(cancellationToken).ReadInOrderAsync().ConfigureAwait(false))
                {
                    if (docRows is not null)
                    {
                        var appendStart = LoadMetrics.Start();
                        writer.Append(docRows);
                        _metrics.Add(LoadStage.Append, ref appendStart);
                        stated.AddRange(docRows.DepartmentChanges);
                        loaded++;
                        rows += docRows.RowCount;
                        state.Add(new LoadStateDocument(record.FileName, record.DocumentId!, record.Sha256!, keyByFile[record.FileName], docRows.RowCount, "loaded", record.Family,
                            [.. docRows.DepartmentChanges]));
                    }

                    parsed.Add(record);
                }

                await producer.ConfigureAwait(false);

                // A document that loaded before and is rejected now keeps its last good rows, marked stale.
                // (In a copy they are still there, unless their id was parsed again and cleared before appending.)
                var present = new HashSet<string>(state.Select(s => s.DocumentId), StringComparer.Ordinal);
                var staleCandidates = parsed
                    .Where(r => r.Status == "rejected" && previousByFile.TryGetValue(r.FileName, out var p) && !present.Contains(p.DocumentId) && !(byCopy && parseIds.Contains(p.DocumentId)))
                    .Select(r => (Record: r, Previous: previousByFile[r.FileName]))
                    .DistinctBy(c => c.Previous.DocumentId)
                    .ToList();
                stated.AddRange(staleCandidates.SelectMany(c => c.Previous.DepartmentChanges ?? []));

                // Facts are re-keyed across documents to the department rows valid in their year (sql/load); carried
                // rows were re-keyed against the previous rows. When the rows' validity changed, parse everything.
                if (allowCarry && (unchanged.Count > 0 || staleCandidates.Count > 0)
                    && DepartmentKey(stated) != DepartmentKey(previous!.Documents.SelectMany(d => d.DepartmentChanges ?? [])))
                {
                    throw new CarryInvalidatedException();
                }

                Reference.ReferenceLoad.AppendDepartments(writer, _reference, stated);
                var closeStart = Stopwatch.GetTimestamp();
                writer.EndAppend();
                _metrics.Step("close the appenders (DuckDB writes what they hold)", Stopwatch.GetElapsedTime(closeStart));
                var keptStale = staleCandidates.Count > 0 && (byCopy || (attached
                    && await CarryRowsAsync(writer, staleCandidates.Select(c => c.Previous.DocumentId), cancellationToken).ConfigureAwait(false)));
                var stale = 0;
                foreach (var record in parsed)
                {
                    var candidate = staleCandidates.FirstOrDefault(c => ReferenceEquals(c.Record, record));
                    if (keptStale && candidate.Record is not null)
                    {
                        etl.Add(record with { Status = "stale", DocumentId = candidate.Previous.DocumentId, Sha256 = record.Sha256, RowCount = candidate.Previous.RowCount, Family = record.Family ?? candidate.Previous.Family });
                        state.Add(candidate.Previous with { Status = "stale" });
                        rows += candidate.Previous.RowCount;
                        stale++;
                    }
                    else
                    {
                        etl.Add(record);
                    }
                }

                var seenFiles = new HashSet<string>(work.Select(w => w.Input.FileName), StringComparer.Ordinal);
                var removed = 0;
                foreach (var p in previousByFile.Values.Where(p => !seenFiles.Contains(p.FileName)).OrderBy(p => p.FileName, StringComparer.Ordinal))
                {
                    etl.Add(new EtlDocumentRow { RunId = runId, FileName = p.FileName, DocumentId = p.DocumentId, Sha256 = p.Sha256, Status = "removed", Family = p.Family });
                    removed++;
                }

                if (attached)
                {
                    await writer.ExecuteAsync($"detach {PreviousCatalog}", cancellationToken).ConfigureAwait(false);
                }

                if (byCopy)
                {
                    // The copy still holds the rows of replaced, removed and rejected (not stale) documents: those in
                    // dim_document (every document's rows start with its row there) that this snapshot does not keep.
                    var deleteStart = Stopwatch.GetTimestamp();
                    var keep = new HashSet<string>(state.Select(d => d.DocumentId), StringComparer.Ordinal);
                    var gone = (await writer.Connection.QueryAsync<string>(new CommandDefinition("select document_id from dim_document", cancellationToken: cancellationToken)).ConfigureAwait(false))
                        .Where(id => !keep.Contains(id)).ToList();
                    if (gone.Count > 0)
                    {
                        await changes.AddDocumentsAsync(writer.Connection, gone, cancellationToken).ConfigureAwait(false);
                        await DeleteDocumentsAsync(writer, gone, cancellationToken).ConfigureAwait(false);
                    }

                    _metrics.Step("delete the rows of documents gone", Stopwatch.GetElapsedTime(deleteStart));
                }

                foreach (var r in etl.Where(e => e.Status is "rejected" or "stale"))
                {
                    Log.DocumentRejected(logger, r.FileName, r.ErrorLine ?? 0, r.Error ?? "");
                }

                var rejected = etl.Count(e => e.Status is "rejected" or "stale");
                if (state.Count == 0)
                {
                    var reason = inputs.Count == 0 ? $"no documents in {Path.Combine(_options.SeedsPath, DocumentInputs.DocumentsFolder)}" : "every document was rejected";
                    Log.NothingPublished(logger, runId, reason);
                    return new LoadOutcome(runId, null, inputs.Count, 0, 0, rejected, 0, etl, [], reason) { Removed = removed };
                }

                stageStart = LoadMetrics.Start();
                await changes.AddDocumentsAsync(writer.Connection, state.Where(s => s.Status == "loaded").Select(s => s.DocumentId), cancellationToken).ConfigureAwait(false);
                await writer.DeriveAsync(cancellationToken, _metrics.Step).ConfigureAwait(false);

                // What the documents left on the managed heap is garbage now; return it before DuckDB's Parquet writers
                // and the lineage take their share, which is when a national load peaks.
                GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

                // Every table but the lineage and the run log is final now: the lake is written from a second connection
                // while the lineage is computed, so that the export uses the cores the lineage leaves idle.
                var lakeDir = Path.Combine(snapshotDir, SnapshotStore.LakeFolder);
                var previousLake = previousDir is null ? null : Path.Combine(previousDir, SnapshotStore.LakeFolder);
                (SnapshotChanges, string)? reuse = changes.Everything ? null : (changes, previousLake!);
                var allTables = await ParquetExporter.TablesAsync(writer.Connection, cancellationToken).ConfigureAwait(false);
                var afterLineage = allTables.Where(t => t == LineageLoad.Table || t.StartsWith("etl_", StringComparison.Ordinal)).ToList();
                var exportFirst = Task.Run(() => ExportConcurrentlyAsync(writer.Connection.ConnectionString, lakeDir, allTables.Except(afterLineage), reuse, cancellationToken, _metrics.Step), cancellationToken);
                (int Series, long Rows) lineage;
                try
                {
                    lineage = await writer.LinkAsync(Parallelism, changes, cancellationToken, _metrics.Step).ConfigureAwait(false);
                }
                finally
                {
                    // Never leave the export running on a database this run is about to close or throw away.
                    await Task.WhenAny(exportFirst).ConfigureAwait(false);
                }

                var exported = (await exportFirst.ConfigureAwait(false)).ToList();
                await writer.CreateViewsAsync(cancellationToken, _metrics.Step).ConfigureAwait(false);
                etl.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
                writer.AppendRunLog(etl);
                var message = $"{loaded} loaded, {unchanged.Count} unchanged, {rejected} rejected ({stale} stale, rows kept), {removed} removed";
                await writer.ExecuteAsync(
                    "insert into etl_run values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)", cancellationToken,
                    runId, started, time.GetUtcNow().UtcDateTime, _options.SeedsPath, snapshotId, inputs.Count + problems.Count(p => p.File is null),
                    loaded, unchanged.Count, rejected, removed, rejected > 0 ? "partial" : "ok", message).ConfigureAwait(false);
                var checkpointStart = Stopwatch.GetTimestamp();
                await writer.ExecuteAsync("checkpoint", cancellationToken).ConfigureAwait(false);
                _metrics.Step("checkpoint", Stopwatch.GetElapsedTime(checkpointStart));

                _metrics.Add(LoadStage.Finish, ref stageStart);
                exported.AddRange(await ParquetExporter.ExportTablesAsync(writer.Connection, lakeDir, afterLineage, cancellationToken, _metrics.Step, reuse).ConfigureAwait(false));
                tables = [.. exported.OrderBy(t => t.Name, StringComparer.Ordinal)];
                await ParquetExporter.WriteViewsAsync(lakeDir, tables, cancellationToken).ConfigureAwait(false);
                var staleIds = new HashSet<string>(state.Where(s => s.Status == "stale").Select(s => s.DocumentId), StringComparer.Ordinal);
                var documents = await writer.Connection.QueryAsync<(string, string, string, int, string)>(
                    "select document_id, file_name, family, fiscal_year, sha256 from dim_document order by file_name").ConfigureAwait(false);
                await ParquetExporter.WriteManifestAsync(lakeDir, new
                {
                    SnapshotId = snapshotId,
                    RunId = runId,
                    CreatedAt = time.GetUtcNow().UtcDateTime,
                    Tables = tables.Select(t => new { t.Name, t.Rows, t.Path, t.PartitionedBy }),
                    Documents = documents.Select(d => new { DocumentId = d.Item1, FileName = d.Item2, Family = d.Item3, FiscalYear = d.Item4, Sha256 = d.Item5, IsStale = staleIds.Contains(d.Item1) }),
                }, cancellationToken).ConfigureAwait(false);
                _metrics.Add(LoadStage.Export, ref stageStart);
                await new LoadState(fingerprint, digest, state, byCopy ? previous!.CopyGeneration + 1 : 0).WriteAsync(snapshotDir, cancellationToken).ConfigureAwait(false);
                outcome = new LoadOutcome(runId, snapshotId, inputs.Count, loaded, unchanged.Count, rejected, rows, etl, tables, null) { Removed = removed, Stale = stale, LineageSeries = lineage.Series };
            }

            // Only once the writer has closed the file: DuckDB refuses a read-only open while another process holds it read-write.
            store.Publish(snapshotId);
            store.Collect(TimeSpan.FromSeconds(_options.SnapshotGraceSeconds));
            Log.LoadPublished(logger, runId, snapshotId, outcome.Loaded, outcome.Unchanged, outcome.Rejected, outcome.Rows, stopwatch.ElapsedMilliseconds);
            return outcome;
        }
        catch
        {
            // Whatever went wrong, the next run builds its database fresh rather than trusting a copy.
            _forceFresh = true;
            throw;
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

    /// <summary>Removes superseded snapshots past their grace period, unless a load holds the warehouse.</summary>
    public bool TryCollect()
    {
        var store = new SnapshotStore(_options.WarehousePath);
        if (!Directory.Exists(store.Root))
        {
            return false;
        }

        try
        {
            using var writerLock = AcquireLock(store.Root);
            store.Collect(TimeSpan.FromSeconds(_options.SnapshotGraceSeconds));
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The department rows the reorganisations give, without their evidence: what re-keying facts depends on.</summary>
    private string DepartmentKey(IEnumerable<StatedChange> changes) =>
        string.Join('\n', new OrgDirectory(_reference.Directory).Apply(changes).Rows()
            .Select(r => string.Join('\u001f', r.DepartmentId, r.Name, r.Bureau, r.Kind, r.Municipality, r.ValidFromFy, r.ValidToFy, r.Parent))
            .Order(StringComparer.Ordinal));

    /// <summary>Writes tables to the lake on a connection of its own (the same database, opened again in this process).</summary>
    private static async Task<IReadOnlyList<LakeTable>> ExportConcurrentlyAsync(string connectionString, string lakeDir, IEnumerable<string> tables,
        (SnapshotChanges, string)? reuse, CancellationToken cancellationToken, Action<string, TimeSpan>? timed = null)
    {
        await Task.Yield();
        await using var connection = new DuckDB.NET.Data.DuckDBConnection(connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await ParquetExporter.ExportTablesAsync(connection, lakeDir, [.. tables], cancellationToken, timed, reuse).ConfigureAwait(false);
    }

    private int Parallelism => _options.Parallelism > 0 ? _options.Parallelism : Environment.ProcessorCount;

    private static string Key(Work w) => LoadState.InputKey(w.Sha!, w.Input.FileName, w.Input.Manifest);

    private async Task ProduceAsync(List<Work> work, string runId, DateTime loadedAt,
        ChannelWriter<(int, (DocumentRows?, EtlDocumentRow))> writer, CancellationToken cancellationToken)
    {
        try
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = Parallelism,
                CancellationToken = cancellationToken,
            };
            await Parallel.ForEachAsync(work.Select((w, i) => (w, i)), parallel, async (item, ct) =>
            {
                var (w, i) = item;
                await writer.WriteAsync((i, Process(w.Input, w.Sha, w.Size, w.Error, runId, loadedAt)), ct).ConfigureAwait(false);
                _metrics.DocumentDone(w.Size);
            }).ConfigureAwait(false);
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

            var stageStart = LoadMetrics.Start();
            var bytes = File.ReadAllBytes(input.FullPath);
            var source = SourceText.FromBytes(input.FileName, bytes);
            _metrics.Add(LoadStage.Decode, ref stageStart);
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
            _metrics.Add(LoadStage.Parse, ref stageStart);
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
            _metrics.Add(LoadStage.Transform, ref stageStart);
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

    private async Task<List<Work>> HashAsync(List<DocumentInput> inputs, CancellationToken cancellationToken)
    {
        var result = new Work[inputs.Count];
        await Parallel.ForAsync(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, async (i, ct) =>
        {
            var input = inputs[i];
            try
            {
                var info = new FileInfo(input.FullPath);
                var size = info.Length;
                if (size > _options.MaxFileBytes)
                {
                    result[i] = new Work(input, null, size, new DocumentException(input.FileName, 0, $"file is {size:N0} bytes, over the {_options.MaxFileBytes:N0}-byte limit"));
                    return;
                }

                var modified = info.LastWriteTimeUtc;
                if (_hashes.TryGetValue(input.FullPath, out var cached) && cached.Size == size && cached.Modified == modified)
                {
                    result[i] = new Work(input, cached.Sha, size, null);
                    return;
                }

                await using var stream = File.OpenRead(input.FullPath);
                var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct).ConfigureAwait(false));
                result[i] = new Work(input, hash, size, null);

                // Only files that have been quiet for a while are trusted by size and time: a file written within the
                // timestamp's resolution could change again without either moving.
                if (DateTime.UtcNow - modified > TimeSpan.FromSeconds(2))
                {
                    _hashes[input.FullPath] = (size, modified, hash);
                }
            }
            catch (IOException ex)
            {
                result[i] = new Work(input, null, 0, new DocumentException(input.FileName, 0, $"cannot read: {ex.Message}"));
            }
            catch (UnauthorizedAccessException ex)
            {
                result[i] = new Work(input, null, 0, new DocumentException(input.FileName, 0, $"cannot read: {ex.Message}"));
            }
        }).ConfigureAwait(false);

        // The same content under two names would give two documents one id: keep the first name, reject the rest.
        var firstBySha = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < result.Length; i++)
        {
            var w = result[i];
            if (w.Sha is null || w.Error is not null)
            {
                continue;
            }

            if (!firstBySha.TryAdd(w.Sha, w.Input.FileName))
            {
                result[i] = w with { Error = new DocumentException(w.Input.FileName, 0, $"same content as {firstBySha[w.Sha]} (duplicate file)") };
            }
        }

        return [.. result];
    }

    /// <summary>
    /// Copies the previous snapshot's database and prepares it for this run: views dropped (sql/views makes
    /// them again), tables without a document_id (derived by sql/load or appended whole each run) emptied, except the
    /// lineage, which <see cref="LineageLoad"/> brings up to date series by series, and agg_theme_year with its
    /// fingerprints, which sql/load/900_agg_theme_year.sql brings up to date the same way, and
    /// the rows of documents about to be parsed again deleted. Null, with nothing left behind, when that fails.
    /// </summary>
    private async Task<WarehouseWriter?> OpenCopyAsync(string previousDb, string dbPath, HashSet<string> parseIds, SnapshotChanges changes, CancellationToken cancellationToken)
    {
        WarehouseWriter? writer = null;
        try
        {
            var started = Stopwatch.GetTimestamp();
            File.Copy(previousDb, dbPath);
            _metrics.Step("copy the previous database", Stopwatch.GetElapsedTime(started));
            started = Stopwatch.GetTimestamp();
            writer = await WarehouseWriter.OpenAsync(dbPath, cancellationToken, _options.DuckDbMemoryLimit).ConfigureAwait(false);
            var views = await writer.Connection.QueryAsync<string>(new CommandDefinition(
                "select view_name from duckdb_views() where database_name = current_database() and schema_name = 'main' and not internal", cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var view in views)
            {
                await writer.ExecuteAsync($"drop view if exists main.\"{view}\"", cancellationToken).ConfigureAwait(false);
            }

            var derived = await writer.Connection.QueryAsync<string>(new CommandDefinition(
                "select table_name from duckdb_tables() t where database_name = current_database() and schema_name = 'main' and table_name not like 'etl\\_%' escape '\\' " +
                "and not exists (select 1 from duckdb_columns() c where c.database_name = t.database_name and c.schema_name = 'main' and c.table_name = t.table_name and c.column_name = 'document_id')",
                cancellationToken: cancellationToken)).ConfigureAwait(false);
            foreach (var table in derived.Where(t => t != LineageLoad.Table && t is not ("agg_theme_year" or "agg_theme_year_series")))
            {
                await writer.ExecuteAsync($"delete from main.\"{table}\"", cancellationToken).ConfigureAwait(false);
            }

            await changes.AddDocumentsAsync(writer.Connection, parseIds, cancellationToken).ConfigureAwait(false);
            await DeleteDocumentsAsync(writer, parseIds, cancellationToken).ConfigureAwait(false);
            _metrics.Step("clear the copy's derived tables and changed documents", Stopwatch.GetElapsedTime(started));
            return writer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Data.Common.DbException)
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

    /// <summary>Deletes, in every table with a document_id (the run log excepted), the rows of the given documents.</summary>
    private static async Task DeleteDocumentsAsync(WarehouseWriter writer, IEnumerable<string> documentIds, CancellationToken cancellationToken)
    {
        var ids = string.Join(',', documentIds);
        var tables = await writer.Connection.QueryAsync<string>(new CommandDefinition(
            "select table_name from duckdb_columns() where database_name = current_database() and schema_name = 'main' and column_name = 'document_id' and table_name not like 'etl\\_%' escape '\\' order by table_name",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var table in tables)
        {
            await writer.ExecuteAsync($"delete from main.\"{table}\" where document_id in (select unnest(string_split($1, ',')))", cancellationToken, ids).ConfigureAwait(false);
        }
    }

    private async Task<bool> AttachPreviousAsync(WarehouseWriter writer, string previousDb, CancellationToken cancellationToken)
    {
        try
        {
            // The path is the warehouse's own, never document text.
            await writer.ExecuteAsync($"attach '{previousDb.Replace("'", "''", StringComparison.Ordinal)}' as {PreviousCatalog} (read_only)", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (System.Data.Common.DbException ex)
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
            await writer.ExecuteAsync($"insert into etl_run by name select * from {PreviousCatalog}.etl_run", cancellationToken).ConfigureAwait(false);
            await writer.ExecuteAsync($"insert into etl_document by name select * from {PreviousCatalog}.etl_document", cancellationToken).ConfigureAwait(false);
            await writer.ExecuteAsync("commit", cancellationToken).ConfigureAwait(false);
        }
        catch (System.Data.Common.DbException ex)
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
            var tables = (await connection.QueryAsync<string>(new CommandDefinition(
                "select table_name from duckdb_columns() where database_name = current_database() and schema_name = 'main' and column_name = 'document_id' and table_name not like 'etl\\_%' escape '\\' order by table_name",
                cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
            await writer.ExecuteAsync("begin transaction", cancellationToken).ConfigureAwait(false);
            foreach (var table in tables)
            {
                var columns = (await connection.QueryAsync<string>(new CommandDefinition(
                    "select n.column_name from duckdb_columns() n join duckdb_columns() o on o.column_name = n.column_name and o.table_name = n.table_name and o.schema_name = 'main' and o.database_name = $p " +
                    "where n.database_name = current_database() and n.schema_name = 'main' and n.table_name = $t order by n.column_index",
                    new { p = PreviousCatalog, t = table }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToList();
                if (columns.Count == 0)
                {
                    continue;
                }

                var list = string.Join(", ", columns.Select(c => "\"" + c.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
                await writer.ExecuteAsync(
                    $"insert into main.\"{table}\" ({list}) select {list} from {PreviousCatalog}.main.\"{table}\" where document_id in (select unnest(string_split($1, ',')))",
                    cancellationToken, ids).ConfigureAwait(false);
            }

            await writer.ExecuteAsync("commit", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (System.Data.Common.DbException ex)
        {
            await writer.ExecuteAsync("rollback", cancellationToken).ConfigureAwait(false);
            Log.RowsNotCarried(logger, ex.Message);
            return false;
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

/// <summary>The reorganisations stated by the documents differ from those the carried rows were re-keyed against.</summary>
#pragma warning disable CA1064, CA1032 // private control flow of one run, never seen outside the pipeline
internal sealed class CarryInvalidatedException : Exception;
#pragma warning restore CA1064, CA1032

/// <summary>A discovered file with its hash, or the reason it cannot be read.</summary>
internal readonly record struct Work(DocumentInput Input, string? Sha, long Size, DocumentException? Error);
