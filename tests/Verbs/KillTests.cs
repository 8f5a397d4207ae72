using System.Diagnostics;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>
/// The loader process (bw.dll load) is killed with SIGKILL at random (seeded) instants during loads. After each
/// kill the current snapshot opens and equals a complete load of the old inputs or the new ones, with its
/// Parquet manifest matching; the next run recovers without manual steps (the lock is released by the kernel,
/// unfinished snapshot folders and temporary links are removed).
/// </summary>
public sealed class KillTests
{
    private const int Kills = 20;

    [Fact]
    public async Task Sigkill_during_loads_leaves_a_complete_snapshot_and_the_next_run_recovers()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var environment = new Dictionary<string, string> { ["Warehouse__SnapshotGraceSeconds"] = "0", ["Warehouse__KeepSnapshots"] = "1", ["Warehouse__Parallelism"] = "2" };

        // Three input states with changed, added and removed documents; a full load of each is the reference.
        var states = new[]
        {
            new Dictionary<string, byte[]> { ["a.txt"] = ServiceTestSupport.BudgetSeed, ["b.txt"] = ServiceTestSupport.BudgetSeedVariant(1) },
            new Dictionary<string, byte[]> { ["a.txt"] = ServiceTestSupport.BudgetSeed, ["b.txt"] = ServiceTestSupport.BudgetSeedVariant(2), ["c.txt"] = ServiceTestSupport.BudgetSeedVariant(5) },
            new Dictionary<string, byte[]> { ["a.txt"] = ServiceTestSupport.BudgetSeed, ["c.txt"] = ServiceTestSupport.BudgetSeedVariant(5) },
        };
        var references = new List<SortedDictionary<string, string>>();
        foreach (var state in states)
        {
            var refSeeds = new SeedsFolder(Path.Combine(temp.Path, "ref-" + references.Count));
            foreach (var (name, bytes) in state)
            {
                refSeeds.Write(name, bytes);
            }

            var refWarehouse = Path.Combine(temp.Path, "ref-warehouse-" + references.Count);
            await ServiceTestSupport.Pipeline(refSeeds.Root, refWarehouse).RunAsync(CancellationToken.None);
            using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(refWarehouse, "budget.duckdb"));
            references.Add(ServiceTestSupport.Digest(db));
        }

        Assert.Equal(3, references.Distinct(new DigestComparer()).Count());

        // A complete run of state 0, timed from "started" to exit: the window the kills aim at.
        SetState(seeds, states[0]);
        var (exit, loadTime, _) = await RunAsync(seeds, warehouse, environment, killAfter: null);
        Assert.Equal(0, exit);
        var published = 0;
        Assert.Equal(references[published], Verify(warehouse));

        var random = new Random(6);
        var kills = 0;
        var log = new List<string>();
        for (var i = 1; kills < Kills && i <= Kills * 3; i++)
        {
            var next = i % states.Length;
            SetState(seeds, states[next]);
            var delay = TimeSpan.FromMilliseconds(random.NextDouble() * loadTime.TotalMilliseconds);
            var (code, took, killed) = await RunAsync(seeds, warehouse, environment, delay);
            kills += killed ? 1 : 0;

            // On a busy machine load times drift: a run that finished before its kill is the new measure of the window
            // (unless it found its state already published: a killed run can leave the inputs as they were, and then
            // the next run only says that nothing changed).
            loadTime = killed || took < loadTime / 4 ? loadTime : took;

            var digest = Verify(warehouse);
            var comparer = new DigestComparer();
            Assert.True(comparer.Equals(digest, references[published]) || comparer.Equals(digest, references[next]),
                $"after run {i} (killed {killed} at {delay.TotalMilliseconds:0} ms, exit {code}) the current snapshot is neither state {published} nor {next}: {ServiceTestSupport.Describe(digest)}");
            published = comparer.Equals(digest, references[next]) ? next : published;
            log.Add($"{i}: {(killed ? "killed" : "finished")} at {delay.TotalMilliseconds:0} ms -> state {published}");
        }

        Assert.True(kills >= Kills, $"only {kills} kills landed during a load:\n{string.Join("\n", log)}");

        // Recovery: the next run needs no manual step and leaves no debris.
        var last = (published + 1) % states.Length;
        SetState(seeds, states[last]);
        var (finalExit, _, _) = await RunAsync(seeds, warehouse, environment, killAfter: null);
        Assert.Equal(0, finalExit);
        Assert.Equal(references[last], Verify(warehouse));
        Assert.Equal([ServiceTestSupport.CurrentSnapshotId(warehouse)], Directory.GetDirectories(Path.Combine(warehouse, "snapshots")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFileSystemEntries(warehouse, "*.tmp-*"));
    }

    private static void SetState(SeedsFolder seeds, Dictionary<string, byte[]> state)
    {
        foreach (var file in Directory.GetFiles(seeds.DocumentsDir))
        {
            if (!state.ContainsKey(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }

        foreach (var (name, bytes) in state)
        {
            var path = Path.Combine(seeds.DocumentsDir, name);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                seeds.Write(name, bytes);
            }
        }
    }

    /// <summary>Runs bw load; with <paramref name="killAfter"/>, SIGKILLs it that long after it logged the start of the load.</summary>
    private static async Task<(int Exit, TimeSpan LoadTime, bool Killed)> RunAsync(SeedsFolder seeds, string warehouse, Dictionary<string, string> environment, TimeSpan? killAfter)
    {
        using var process = ServiceTestSupport.StartBw($"load --seeds {seeds.Root} --warehouse {warehouse}", environment);
        var started = await ServiceTestSupport.WaitUntilAsync(() => process.HasExited || ServiceTestSupport.Output(process).Contains("started: seeds", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.True(started, "the loader did not start a load within 60 s");
        var stopwatch = Stopwatch.StartNew();
        var killed = false;
        if (killAfter is { } delay)
        {
            await Task.Delay(delay);
            if (!process.HasExited)
            {
                process.Kill();
                killed = true;
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, stopwatch.Elapsed, killed);
    }

    /// <summary>The current snapshot opens read-only, is complete, and its Parquet manifest matches its database.</summary>
    private static SortedDictionary<string, string> Verify(string warehouse)
    {
        var id = ServiceTestSupport.CurrentSnapshotId(warehouse);
        Assert.NotNull(id);
        var dir = Path.Combine(warehouse, "snapshots", id);
        Assert.True(File.Exists(Path.Combine(dir, ".complete")), $"current snapshot {id} is not marked complete");
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        Assert.Equal(id, db.ExecuteScalar<string>("select snapshot_id from etl_run order by started_at desc limit 1"));
        foreach (var (table, rows) in ServiceTestSupport.ManifestCounts(Path.Combine(dir, "parquet")))
        {
            Assert.Equal(rows, db.ExecuteScalar<long>($"select count(*) from \"{table}\""));
        }

        return ServiceTestSupport.Digest(db);
    }

    private sealed class DigestComparer : IEqualityComparer<SortedDictionary<string, string>>
    {
        public bool Equals(SortedDictionary<string, string>? x, SortedDictionary<string, string>? y) =>
            x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(SortedDictionary<string, string> obj) => string.Join(";", obj).GetHashCode(StringComparison.Ordinal);
    }
}
