using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>
/// An unchanged reload writes nothing (decided from metadata without the warehouse's lock, or from the hashes when
/// only times moved); old snapshots beyond the retention setting and old etl_document rows are removed.
/// </summary>
public sealed class HousekeepingTests
{
    [Fact]
    public async Task An_unchanged_reload_publishes_nothing_and_does_not_take_the_warehouse_lock()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var a = seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        var b = seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(1));
        MakeQuiet(seeds.Root);
        var pipeline = ServiceTestSupport.Pipeline(seeds.Root, warehouse);
        var first = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.False(first.NothingChanged);
        Assert.True(File.Exists(Path.Combine(warehouse, InputStamp.FileName)));

        // Another writer holds the lock: a run that wanted it would fail; one that decides from metadata does not.
        var fresh = ServiceTestSupport.Pipeline(seeds.Root, warehouse);
        using (new FileStream(Path.Combine(warehouse, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            var unchanged = await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None);
            Assert.True(unchanged.NothingChanged);
            Assert.Equal(first.SnapshotId, unchanged.SnapshotId);
            await Assert.ThrowsAsync<WarehouseFolderException>(() => fresh.RunAsync(LoadMode.Publish, CancellationToken.None));
        }

        Assert.Equal([first.SnapshotId!], SnapshotIds(warehouse));

        // New times, same bytes: decided from the hashes, nothing published, and the next run decides from metadata again.
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddMinutes(-5));
        var touched = await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.True(touched.NothingChanged);
        using (new FileStream(Path.Combine(warehouse, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            Assert.True((await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None)).NothingChanged);
        }

        // A changed document, a changed manifest and changed reference data each publish.
        File.WriteAllBytes(b, ServiceTestSupport.BudgetSeedVariant(2));
        MakeQuiet(seeds.Root);
        var changed = await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.Equal((false, 1, 1), (changed.NothingChanged, changed.Loaded, changed.Unchanged));

        await File.WriteAllTextAsync(seeds.ManifestPath, "file,family,municipality,fiscal_year,title\na.txt,,テスト市,,\n");
        MakeQuiet(seeds.Root);
        Assert.False((await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None)).NothingChanged);

        Directory.CreateDirectory(Path.Combine(seeds.Root, "reference"));
        await File.WriteAllTextAsync(Path.Combine(seeds.Root, "reference", "themes.csv"), "theme,description\n");
        MakeQuiet(seeds.Root);
        Assert.False((await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None)).NothingChanged);
        Assert.True((await fresh.RunAsync(LoadMode.IfChanged, CancellationToken.None)).NothingChanged);
    }

    [Fact]
    public void A_file_written_within_the_last_seconds_gives_no_stamp()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        Assert.Null(InputStamp.Compute(seeds.Root, 1000, 1000, DateTime.UtcNow));
        MakeQuiet(seeds.Root);
        var quiet = InputStamp.Compute(seeds.Root, 1000, 1000, DateTime.UtcNow);
        Assert.NotNull(quiet);
        Assert.NotEqual(quiet, InputStamp.Compute(seeds.Root, 2000, 1000, DateTime.UtcNow));
    }

    [Fact]
    public async Task The_load_verb_says_that_nothing_changed()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        MakeQuiet(seeds.Root);
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var first = await ServiceTestSupport.Pipeline(seeds.Root, warehouse).RunAsync(LoadMode.IfChanged, CancellationToken.None);

        using var bw = ServiceTestSupport.StartBw($"load --seeds {seeds.Root} --warehouse {warehouse}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bw.WaitForExitAsync(timeout.Token);
        Assert.Equal(0, bw.ExitCode);
        Assert.Equal(
            $"nothing changed since snapshot {first.SnapshotId} (documents, manifest, reference data, loader): nothing published",
            ServiceTestSupport.Output(bw).Trim());
        Assert.Equal([first.SnapshotId!], SnapshotIds(warehouse));
    }

    [Fact]
    public async Task Twenty_reloads_leave_the_retained_snapshots_and_a_bounded_run_history()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        // Retention and grace at their defaults (keep 3, grace 0): what a user who sets nothing gets.
        var pipeline = ServiceTestSupport.Pipeline(seeds.Root, warehouse, ("Warehouse:DocumentHistoryRuns", "5"));
        var published = new List<string>();
        for (var i = 1; i <= 20; i++)
        {
            seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(i));
            var outcome = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
            published.Add(outcome.SnapshotId!);
            Assert.True(SnapshotIds(warehouse).Count <= 3, $"after reload {i}: {string.Join(", ", SnapshotIds(warehouse))}");
        }

        // The default retention (3): the current snapshot and the two before it.
        Assert.Equal(published[^3..].Order(StringComparer.Ordinal), SnapshotIds(warehouse));
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        Assert.Equal(20L, db.ExecuteScalar<long>("select count(*) from etl_run"));
        var runs = db.Query<string>("select run_id from etl_run order by started_at desc limit 5").Order(StringComparer.Ordinal);
        Assert.Equal(runs, db.Query<string>("select distinct run_id from etl_document order by 1"));
        Assert.Equal(2L * 5, db.ExecuteScalar<long>("select count(*) from etl_document"));
    }

    [Fact]
    public async Task A_superseded_snapshot_beyond_retention_stays_for_its_grace_period()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var pipeline = ServiceTestSupport.Pipeline(seeds.Root, warehouse, ("Warehouse:SnapshotGraceSeconds", "3600"), ("Warehouse:KeepSnapshots", "1"));
        for (var i = 1; i <= 3; i++)
        {
            seeds.Write("a.txt", ServiceTestSupport.BudgetSeedVariant(i));
            await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        }

        Assert.Equal(3, SnapshotIds(warehouse).Count);
        var store = new SnapshotStore(warehouse);
        store.Collect(TimeSpan.Zero, keepSnapshots: 2);
        Assert.Equal(2, SnapshotIds(warehouse).Count);
        Assert.Contains(store.CurrentSnapshotId, SnapshotIds(warehouse));
    }

    private static List<string> SnapshotIds(string warehouse) =>
        [.. Directory.GetDirectories(Path.Combine(warehouse, "snapshots")).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    // Files older than the stamp's quiet period, as a folder that nobody is editing.
    private static void MakeQuiet(string root)
    {
        var past = DateTime.UtcNow.AddMinutes(-10);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, past);
            past = past.AddSeconds(1);
        }
    }
}
