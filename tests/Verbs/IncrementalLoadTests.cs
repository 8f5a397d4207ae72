using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>
/// Incremental loads: unchanged documents are carried from the current snapshot and the result equals a full
/// load of the same inputs; removed documents disappear; a document that loaded before and is now rejected keeps
/// its last good rows, marked stale; readers of a superseded snapshot are not disturbed.
/// </summary>
public sealed class IncrementalLoadTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Incremental_runs_equal_full_loads_and_count_unchanged_removed_and_stale(bool byCopy)
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var pipeline = ServiceTestSupport.Pipeline(seeds.Root, warehouse, ("Warehouse:IncrementalByCopy", byCopy ? "true" : "false"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(1));
        seeds.Write("c.txt", ServiceTestSupport.BudgetSeedVariant(2));

        var first = await pipeline.RunAsync(CancellationToken.None);
        Assert.Equal((3, 0, 0), (first.Loaded, first.Unchanged, first.Rejected));

        // Nothing changed: the service's mode publishes nothing; the load verb's mode carries everything.
        var idle = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.True(idle.NothingChanged);
        Assert.Equal(first.SnapshotId, idle.SnapshotId);
        var carried = await pipeline.RunAsync(CancellationToken.None);
        Assert.Equal((0, 3), (carried.Loaded, carried.Unchanged));
        Assert.Equal(byCopy ? 1 : 0, LoadState.TryRead(Path.Combine(warehouse, "current"))!.CopyGeneration);
        Assert.Equal(Digest(warehouse), await FullLoadDigestAsync(temp, seeds));

        // b changes, c is removed, d is new; a is carried.
        seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(3));
        seeds.Delete("c.txt");
        seeds.Write("d.txt", ServiceTestSupport.BudgetSeedVariant(4));
        var second = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.False(second.NothingChanged);
        Assert.Equal((2, 1, 0, 1), (second.Loaded, second.Unchanged, second.Rejected, second.Removed));
        Assert.Equal(Digest(warehouse), await FullLoadDigestAsync(temp, seeds));
        using (var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb")))
        {
            var run = db.QuerySingle<(long Seen, long Loaded, long Unchanged, long Rejected, long Removed)>(
                "select documents_seen, documents_loaded, documents_unchanged, documents_rejected, documents_removed from etl_run order by started_at desc limit 1");
            Assert.Equal((3L, 2L, 1L, 0L, 1L), run);
            Assert.Equal(["a.txt", "b.txt", "d.txt"], db.Query<string>("select file_name from dim_document order by file_name"));
            Assert.Equal("removed", db.ExecuteScalar<string>("select status from etl_document where file_name = 'c.txt' and run_id = $r", new { r = second.RunId }));
            Assert.Equal(3L, db.ExecuteScalar<long>("select count(*) from etl_run"));
        }

        // A document renamed with the same bytes: same id, parsed again under its new name.
        File.Move(Path.Combine(seeds.DocumentsDir, "d.txt"), Path.Combine(seeds.DocumentsDir, "e.txt"));
        var renamed = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.Equal((1, 2, 1), (renamed.Loaded, renamed.Unchanged, renamed.Removed));
        Assert.Equal(Digest(warehouse), await FullLoadDigestAsync(temp, seeds));
        using (var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb")))
        {
            Assert.Equal(["a.txt", "b.txt", "e.txt"], db.Query<string>("select file_name from dim_document order by file_name"));
            Assert.Equal(1L, db.ExecuteScalar<long>("select count(*) from document_status where not is_stale and file_name = 'e.txt'"));
        }

        // a becomes unreadable: its last good rows stay, marked stale, with the reason.
        var goodDigest = Digest(warehouse);
        seeds.Write("a.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]);
        var third = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.Equal((0, 2, 1, 1), (third.Loaded, third.Unchanged, third.Rejected, third.Stale));
        Assert.Equal(goodDigest, Digest(warehouse));
        using (var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb")))
        {
            var stale = db.QuerySingle<(string File, bool IsStale, string Reason)>("select file_name, is_stale, stale_reason from document_status where is_stale");
            Assert.Equal("a.txt", stale.File);
            Assert.Contains("NUL", stale.Reason, StringComparison.Ordinal);
            Assert.Equal("stale", db.ExecuteScalar<string>("select status from etl_document where file_name = 'a.txt' and run_id = $r", new { r = third.RunId }));
        }

        // Repaired: the good version is carried again (same id), nothing stale.
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        var fourth = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.Equal((0, 3, 0, 0), (fourth.Loaded, fourth.Unchanged, fourth.Rejected, fourth.Stale));
        Assert.Equal(goodDigest, Digest(warehouse));
    }

    [Fact]
    public async Task A_new_reorganisation_statement_reparses_the_carried_documents()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var reference = Path.Combine(TestPaths.Seeds, "reference");
        if (Directory.Exists(reference))
        {
            foreach (var file in Directory.GetFiles(reference))
            {
                Directory.CreateDirectory(Path.Combine(seeds.Root, "reference"));
                File.Copy(file, Path.Combine(seeds.Root, "reference", Path.GetFileName(file)));
            }
        }

        var pipeline = ServiceTestSupport.Pipeline(seeds.Root, warehouse);
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        await pipeline.RunAsync(CancellationToken.None);

        // A document stating a reorganisation changes which department rows are valid when: facts of other documents
        // are re-keyed by it, so they cannot be carried as they are.
        var text = "令和2年度 予算の重点\n\n1 行財政運営\n\n(1) 組織の見直し\n\n・市民課と税務課を「市民サービス課」に統合\n・窓口業務の電子化を推進\n";
        seeds.Write("reorganisation.txt", System.Text.Encoding.UTF8.GetBytes(text));
        var outcome = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.Equal(0, outcome.Rejected);
        Assert.Equal(Digest(warehouse), await FullLoadDigestAsync(temp, seeds));
        Assert.Equal((2, 0), (outcome.Loaded, outcome.Unchanged));
        using (var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb")))
        {
            Assert.Equal(1L, db.ExecuteScalar<long>("select count(*) from dim_department where name = '市民サービス課'"));
        }

        // Nothing about departments changes: carried again.
        seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(1));
        var next = await pipeline.RunAsync(LoadMode.IfChanged, CancellationToken.None);
        Assert.Equal((1, 2), (next.Loaded, next.Unchanged));
        Assert.Equal(Digest(warehouse), await FullLoadDigestAsync(temp, seeds));
    }

    [Fact]
    public async Task A_reader_of_a_superseded_snapshot_keeps_reading_it_and_old_snapshots_are_collected()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var pipeline = ServiceTestSupport.Pipeline(seeds.Root, warehouse, ("Warehouse:SnapshotGraceSeconds", "0"), ("Warehouse:KeepSnapshots", "1"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        await pipeline.RunAsync(CancellationToken.None);

        using var reader = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        var before = ServiceTestSupport.Digest(reader);

        seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(1));
        await pipeline.RunAsync(CancellationToken.None);
        seeds.Write("c.txt", ServiceTestSupport.BudgetSeedVariant(2));
        var last = await pipeline.RunAsync(CancellationToken.None);

        // With no grace period and only the current snapshot kept, the reader's snapshot folder is gone, yet its open database reads on unchanged.
        Assert.Equal([last.SnapshotId!], Directory.GetDirectories(Path.Combine(warehouse, "snapshots")).Select(Path.GetFileName));
        Assert.Equal(before, ServiceTestSupport.Digest(reader));
        Assert.Equal(1L, reader.ExecuteScalar<long>("select count(*) from dim_document"));
    }

    private static SortedDictionary<string, string> Digest(string warehouse)
    {
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        return ServiceTestSupport.Digest(db);
    }

    private static async Task<SortedDictionary<string, string>> FullLoadDigestAsync(TempDir temp, SeedsFolder seeds)
    {
        var fresh = Path.Combine(temp.Path, "fresh-" + Guid.NewGuid().ToString("N")[..6]);
        var outcome = await ServiceTestSupport.Pipeline(seeds.Root, fresh).RunAsync(CancellationToken.None);
        Assert.Equal(0, outcome.Unchanged);
        return Digest(fresh);
    }
}
