using System.Diagnostics;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>
/// One load run: scan the inputs → carry over the rows of unchanged documents from the current snapshot →
/// process the new and changed ones (in parallel) → append (one writer) → keep the last good rows of documents
/// that loaded before and are rejected now (stale) → derive → lineage and lake → publish the snapshot. A bad
/// document is rejected with its file and line and the rest still load; nothing is published when no document
/// has rows, so the last good snapshot stays current.
/// </summary>
internal sealed class LoadPipeline(FamilyDetector detector, IOptions<WarehouseOptions> options, SnapshotStore store, ILogger<LoadPipeline> logger, TimeProvider time, LoadMetrics? metrics = null)
{
    private readonly WarehouseOptions _options = options.Value;
    private readonly LoadMetrics _metrics = metrics ?? new LoadMetrics();
    private readonly InputScanner _scanner = new(detector, options.Value);
    private bool _forceFresh;

    private TimeSpan Grace => TimeSpan.FromSeconds(_options.SnapshotGraceSeconds);

    public Task<LoadOutcome> RunAsync(CancellationToken cancellationToken) => RunAsync(LoadMode.Publish, cancellationToken);

    /// <summary>
    /// With <see cref="LoadMode.IfChanged"/>, returns at once (nothing locked, read or written) when the inputs' metadata
    /// is as the current snapshot was built from (<see cref="InputStamp"/>); when only their metadata changed, decides
    /// from their hashes, under the lock.
    /// </summary>
    public async Task<LoadOutcome> RunAsync(LoadMode mode, CancellationToken cancellationToken)
    {
        var stamp = InputStamp.Compute(_options.SeedsPath, _options.MaxFileBytes, _options.MaxLineLength, DateTime.UtcNow);
        if (mode == LoadMode.IfChanged && store.CurrentSnapshotId is { } current && InputStamp.Matches(store.Root, current, stamp))
        {
            return new LoadOutcome(new RunLog(time.GetUtcNow().UtcDateTime).RunId, current, 0, 0, 0, 0, 0, [], [], null) { NothingChanged = true };
        }

        return await RunAsync(mode, allowCarry: true, stamp, cancellationToken).ConfigureAwait(false)
            ?? await RunAsync(mode, allowCarry: false, stamp, cancellationToken).ConfigureAwait(false)
            ?? throw new UnreachableException("a run that carries nothing cannot be invalidated");
    }

    /// <summary>Removes superseded snapshots past their grace period, unless a load holds the warehouse.</summary>
    public bool TryCollect() => WarehouseLock.TryCollect(store, Grace, _options.KeepSnapshots);

    /// <summary>Null when the documents invalidated the rows it carried (<see cref="CarryCheck.Invalidated"/>): the caller runs again without carrying.</summary>
    private async Task<LoadOutcome?> RunAsync(LoadMode mode, bool allowCarry, string? stamp, CancellationToken cancellationToken)
    {
        var run = new RunLog(time.GetUtcNow().UtcDateTime);
        _metrics.Reset();
        var stageStart = LoadMetrics.Start();
        Directory.CreateDirectory(store.Root);
        using var writerLock = WarehouseLock.Acquire(store.Root);
        store.Collect(Grace, _options.KeepSnapshots);
        if (ReferenceLoad.TryRead(_options.SeedsPath, out var reference) is { } referenceFailure)
        {
            Log.NothingPublished(logger, run.RunId, referenceFailure);
            return new LoadOutcome(run.RunId, null, 0, 0, 0, 0, 0, [], [], referenceFailure);
        }

        var scanned = await _scanner.ScanAsync(cancellationToken).ConfigureAwait(false);
        run.AddProblems(scanned.Problems);
        foreach (var warning in scanned.Problems.Where(p => p.IsWarning))
        {
            Log.ManifestWarning(logger, $"{Manifest.FileName}:{warning.Line}", warning.File ?? "", warning.Reason);
        }
        var previous = PreviousSnapshot.Find(store);
        if (mode == LoadMode.IfChanged && previous.State is not null && previous.State.InputsDigest == scanned.Digest)
        {
            // Same bytes, new times (a touch, a copy): remember the new metadata so that the next run decides without hashing.
            InputStamp.Write(store.Root, store.CurrentSnapshotId!, stamp);
            return new LoadOutcome(run.RunId, store.CurrentSnapshotId, scanned.Work.Count, 0, 0, 0, 0, [], [], null) { NothingChanged = true };
        }

        Log.LoadStarted(logger, run.RunId, _options.SeedsPath, store.Root);
        var plan = CarryPlan.Make(scanned.Work, scanned.Fingerprint, previous.State, allowCarry);
        _metrics.Found(plan.ToParse.Count, plan.ToParse.Sum(w => w.Size));
        _metrics.Add(LoadStage.Discover, ref stageStart);
        var (snapshotId, snapshotDir) = store.Begin(run.Started);
        try
        {
            var outcome = await BuildAsync(run, scanned, plan, previous, reference, snapshotId, snapshotDir, cancellationToken).ConfigureAwait(false);
            if (outcome?.SnapshotId is null)
            {
                return outcome;
            }

            // Only once the writer has closed the file: DuckDB refuses a read-only open while another process holds it read-write.
            store.Publish(snapshotId);
            InputStamp.Write(store.Root, snapshotId, stamp);
            store.Collect(Grace, _options.KeepSnapshots);
            Log.LoadPublished(logger, run.RunId, snapshotId, outcome.Loaded, outcome.Unchanged, outcome.Rejected, outcome.Rows, run.Elapsed.ElapsedMilliseconds);
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

    /// <summary>Writes the snapshot's database and lake; an outcome without a snapshot id when no document has rows.</summary>
    private async Task<LoadOutcome?> BuildAsync(RunLog run, ScannedInputs scanned, CarryPlan plan, PreviousSnapshot previous, ReferenceData reference,
        string snapshotId, string snapshotDir, CancellationToken cancellationToken)
    {
        var carry = new IncrementalCarry(_options, logger, _metrics);
        var target = await carry.OpenAsync(plan, previous, Path.Combine(snapshotDir, SnapshotStore.DatabaseFile), _forceFresh, cancellationToken).ConfigureAwait(false);
        _forceFresh = false;
        await using var writer = target.Writer;
        target = await carry.CarryIntoFreshAsync(target, plan, previous, cancellationToken).ConfigureAwait(false);
        run.AddUnchanged(plan.Unchanged);
        var keyByFile = plan.ToParse.ToDictionary(w => w.Input.FileName, w => w.Sha is null ? "" : w.Key, StringComparer.Ordinal);
        var stated = new List<StatedChange>(plan.Unchanged.SelectMany(u => u.Previous.DepartmentChanges ?? []));
        var processor = new DocumentProcessor(detector, _options, logger, _metrics, reference);
        var appender = new WarehouseAppender(writer, _metrics);
        var parsed = await appender.AppendAsync(processor.ProcessAsync(plan.ToParse, run.RunId, run.Started, cancellationToken), keyByFile, run, stated).ConfigureAwait(false);
        var staleCandidates = IncrementalCarry.StaleCandidates(parsed, run.State, plan, target);
        stated.AddRange(staleCandidates.SelectMany(c => c.Previous.DepartmentChanges ?? []));
        if (IncrementalCarry.Check(plan, staleCandidates.Count, reference, stated, previous.State) == CarryCheck.Invalidated)
        {
            return null;
        }

        appender.Finish(reference, stated);
        var keptStale = staleCandidates.Count > 0 && await carry.KeepStaleAsync(target, staleCandidates.Select(c => c.Previous.DocumentId), cancellationToken).ConfigureAwait(false);
        run.AddParsed(parsed, staleCandidates, keptStale);
        run.AddRemoved(plan.PreviousByFile, scanned.Work);
        await carry.FinishAsync(target, run.State, cancellationToken).ConfigureAwait(false);
        run.LogRejected(logger);
        if (run.State.Count == 0)
        {
            var reason = scanned.Inputs.Count == 0 ? $"no documents in {Path.Combine(_options.SeedsPath, DocumentInputs.DocumentsFolder)}" : "every document was rejected";
            Log.NothingPublished(logger, run.RunId, reason);
            return new LoadOutcome(run.RunId, null, scanned.Inputs.Count, 0, 0, run.RejectedCount, 0, run.Documents, [], reason) { Removed = run.Removed };
        }

        return await FinishAsync(run, scanned, target, previous, snapshotId, snapshotDir, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Derives, links, writes the run log and the lake, and the state the next run compares with.</summary>
    private async Task<LoadOutcome> FinishAsync(RunLog run, ScannedInputs scanned, CarryTarget target, PreviousSnapshot previous, string snapshotId, string snapshotDir,
        CancellationToken cancellationToken)
    {
        var writer = target.Writer;
        var stageStart = LoadMetrics.Start();
        await writer.DeriveAsync(cancellationToken, _metrics.Step).ConfigureAwait(false);

        // After the derived tables: their rows of the loaded documents (agg_dashboard_item) are in the same files.
        await target.Changes.AddDocumentsAsync(writer.Connection, run.State.Where(s => s.Status == "loaded").Select(s => s.DocumentId), cancellationToken).ConfigureAwait(false);

        // What the documents left on the managed heap is garbage now; return it before DuckDB's Parquet writers
        // and the lineage take their share, which is when a national load peaks.
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);

        var lake = new LakePublisher(writer, Path.Combine(snapshotDir, SnapshotStore.LakeFolder), target.Changes,
            previous.Dir is null ? null : Path.Combine(previous.Dir, SnapshotStore.LakeFolder), _metrics);
        await lake.StartAsync(cancellationToken).ConfigureAwait(false);
        var parallelism = _options.Parallelism > 0 ? _options.Parallelism : Environment.ProcessorCount;
        var lineageSeries = await LineageStage.LinkAsync(writer, parallelism, target.Changes, lake, _metrics, cancellationToken).ConfigureAwait(false);
        await writer.CreateViewsAsync(target.Changes, cancellationToken, _metrics.Step).ConfigureAwait(false);
        await run.WriteAsync(writer, _options.SeedsPath, snapshotId, scanned.Inputs.Count + scanned.Problems.Count(p => p.File is null), time.GetUtcNow().UtcDateTime, _options.DocumentHistoryRuns,
            cancellationToken).ConfigureAwait(false);
        var checkpointStart = Stopwatch.GetTimestamp();
        await writer.ExecuteAsync("checkpoint", cancellationToken).ConfigureAwait(false);
        _metrics.Step("checkpoint", Stopwatch.GetElapsedTime(checkpointStart));
        _metrics.Add(LoadStage.Finish, ref stageStart);

        var staleIds = new HashSet<string>(run.State.Where(s => s.Status == "stale").Select(s => s.DocumentId), StringComparer.Ordinal);
        var tables = await lake.FinishAsync(snapshotId, run.RunId, time, staleIds, cancellationToken).ConfigureAwait(false);
        _metrics.Add(LoadStage.Export, ref stageStart);
        await new LoadState(scanned.Fingerprint, scanned.Digest, run.State, target.ByCopy ? previous.State!.CopyGeneration + 1 : 0).WriteAsync(snapshotDir, cancellationToken).ConfigureAwait(false);
        return new LoadOutcome(run.RunId, snapshotId, scanned.Inputs.Count, run.Loaded, run.Unchanged, run.RejectedCount, run.Rows, run.Documents, tables, null)
        {
            Removed = run.Removed,
            Stale = run.Stale,
            LineageSeries = lineageSeries,
        };
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
