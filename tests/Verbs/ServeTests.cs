using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Dapper;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>
/// The hosted service run as its own process (bw.dll serve): it picks up new and deleted documents and
/// publishes within seconds, readers in another process (this one) never fail and always see a whole snapshot
/// while it reloads, and SIGTERM stops it cleanly with exit code 0.
/// </summary>
public sealed class ServeTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["Warehouse__SnapshotGraceSeconds"] = "300",
        ["Warehouse__Parallelism"] = "2",
        ["Serve__RescanSeconds"] = "30",
    };

    [Fact]
    public async Task Serve_picks_up_new_and_deleted_documents_and_stops_cleanly_on_sigterm()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        using var serve = ServiceTestSupport.StartBw($"serve --seeds {seeds.Root} --warehouse {warehouse} --debounce-ms 200", Environment);
        try
        {
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => Documents(warehouse) == 1, TimeSpan.FromSeconds(60)), "no initial snapshot: " + ServiceTestSupport.Output(serve));

            // A new document (the seed in UTF-16) is copied in: published within a few seconds.
            var stopwatch = Stopwatch.StartNew();
            seeds.Write("incoming/b.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(ServiceTestSupport.BudgetSeed))]);
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => Documents(warehouse) == 2, TimeSpan.FromSeconds(30)), "new document not published: " + ServiceTestSupport.Output(serve));
            output.WriteLine($"new document published after {stopwatch.ElapsedMilliseconds} ms");

            // Deleted: its rows are gone from the next snapshot, and the run says so.
            seeds.Delete("incoming/b.txt");
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => Documents(warehouse) == 1, TimeSpan.FromSeconds(30)), "deleted document still published: " + ServiceTestSupport.Output(serve));
            using (var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb")))
            {
                Assert.Equal(1L, db.ExecuteScalar<long>("select documents_removed from etl_run order by started_at desc limit 1"));
                Assert.Equal(["a.txt"], db.Query<string>("select file_name from dim_document"));
            }

            // A bad file is rejected, the rest stays published, and `bw status` (another reader) shows the reason.
            var beforeBad = ServiceTestSupport.CurrentSnapshotId(warehouse);
            seeds.Write("bad.bin", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00]);
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => ServiceTestSupport.CurrentSnapshotId(warehouse) != beforeBad, TimeSpan.FromSeconds(30)), "bad file not noticed: " + ServiceTestSupport.Output(serve));
            using (var status = ServiceTestSupport.StartBw($"status --warehouse {warehouse}"))
            {
                using var statusTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await status.WaitForExitAsync(statusTimeout.Token);
                var text = ServiceTestSupport.Output(status);
                Assert.Equal(0, status.ExitCode);
                Assert.Contains("current snapshot " + ServiceTestSupport.CurrentSnapshotId(warehouse), text, StringComparison.Ordinal);
                Assert.Contains("rejected bad.bin:1: binary content (NUL byte)", text, StringComparison.Ordinal);
            }

            ServiceTestSupport.Terminate(serve);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(timeout.Token);
            Assert.True(serve.ExitCode == 0, $"exit code {serve.ExitCode}: {ServiceTestSupport.Output(serve)}");
            Assert.Contains("Serving stopped", ServiceTestSupport.Output(serve), StringComparison.Ordinal);
            Assert.All(Directory.GetDirectories(Path.Combine(warehouse, "snapshots")), d => Assert.True(File.Exists(Path.Combine(d, ".complete")), d));
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill();
            }
        }
    }

    [Fact]
    public async Task Readers_in_another_process_never_fail_and_see_whole_snapshots_during_20_reloads()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(100));
        using var serve = ServiceTestSupport.StartBw($"serve --seeds {seeds.Root} --warehouse {warehouse} --debounce-ms 50", Environment);
        try
        {
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => Documents(warehouse) == 2, TimeSpan.FromSeconds(60)), "no initial snapshot: " + ServiceTestSupport.Output(serve));

            using var stop = new CancellationTokenSource();
            var failures = new ConcurrentQueue<string>();
            var seen = new ConcurrentDictionary<string, int>();
            var reads = new int[2];
            var duck = Task.Run(() => ReadLoop(() => ReadDuckDb(warehouse, seen), failures, ref reads[0], stop.Token));
            var lake = Task.Run(() => ReadLoop(() => ReadLake(warehouse, seen), failures, ref reads[1], stop.Token));

            // 20 reloads: b.txt changes every time (one document parsed, one carried), sometimes c.txt comes and goes.
            var published = new HashSet<string>();
            for (var i = 1; i <= 20; i++)
            {
                var before = ServiceTestSupport.CurrentSnapshotId(warehouse);
                seeds.Write("b.txt", ServiceTestSupport.BudgetSeedVariant(100 + i));
                if (i % 5 == 0)
                {
                    seeds.Write("c.txt", ServiceTestSupport.BudgetSeedVariant(200 + i));
                }
                else if (i % 5 == 2)
                {
                    File.Delete(Path.Combine(seeds.DocumentsDir, "c.txt"));
                }

                Assert.True(await ServiceTestSupport.WaitUntilAsync(() => ServiceTestSupport.CurrentSnapshotId(warehouse) != before, TimeSpan.FromSeconds(30)),
                    $"reload {i} not published: " + ServiceTestSupport.Output(serve));
                published.Add(ServiceTestSupport.CurrentSnapshotId(warehouse)!);
                await Task.Delay(100);
            }

            await stop.CancelAsync();
            await Task.WhenAll(duck, lake);
            output.WriteLine($"{published.Count} snapshots published; {reads[0]} DuckDB reads, {reads[1]} Parquet reads over {seen.Count} snapshots");
            Assert.True(failures.IsEmpty, $"{failures.Count} failed reads:\n" + string.Join("\n", failures.Take(10)));
            Assert.True(published.Count >= 20);
            Assert.True(reads[0] >= 20 && reads[1] >= 20, $"too few reads: {reads[0]} DuckDB, {reads[1]} Parquet");
            Assert.True(seen.Count >= 5, $"readers saw only {seen.Count} snapshots");

            ServiceTestSupport.Terminate(serve);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(timeout.Token);
            Assert.Equal(0, serve.ExitCode);
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill();
            }
        }
    }

    private static void ReadLoop(Action read, ConcurrentQueue<string> failures, ref int count, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                read();
                count++;

                // Readers leave the service some of the two cores; they still read many times per reload.
                Thread.Sleep(20);
            }
#pragma warning disable CA1031 // every failure of a read is what the test counts
            catch (Exception ex)
#pragma warning restore CA1031
            {
                failures.Enqueue(ex.GetType().Name + ": " + ex.Message);
            }
        }
    }

    /// <summary>Opens the warehouse's budget.duckdb read-only; its counts must be those its snapshot's manifest lists.</summary>
    private static void ReadDuckDb(string warehouse, ConcurrentDictionary<string, int> seen)
    {
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        var id = db.ExecuteScalar<string>("select snapshot_id from etl_run order by started_at desc limit 1")!;
        seen.TryAdd(id, 0);
        var expected = ServiceTestSupport.ManifestCounts(Path.Combine(warehouse, "snapshots", id, "parquet"));
        var documents = db.ExecuteScalar<long>("select count(*) from dim_document");
        Assert.True(documents is 2 or 3, $"{documents} documents in {id}");
        foreach (var (table, rows) in expected)
        {
            var actual = db.ExecuteScalar<long>($"select count(*) from \"{table}\"");
            Assert.True(actual == rows, $"{id}: {table} has {actual} rows in DuckDB, the manifest says {rows}");
        }
    }

    /// <summary>Resolves current once, as a lake reader should, then reads every table's Parquet files.</summary>
    private static void ReadLake(string warehouse, ConcurrentDictionary<string, int> seen)
    {
        var id = ServiceTestSupport.CurrentSnapshotId(warehouse)!;
        seen.TryAdd(id, 0);
        var lake = Path.Combine(warehouse, "snapshots", id, "parquet");
        var expected = ServiceTestSupport.ManifestCounts(lake);
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        foreach (var (table, rows) in expected)
        {
            var actual = db.ExecuteScalar<long>($"select count(*) from read_parquet('{Path.Combine(lake, table)}/**/*.parquet')");
            Assert.True(actual == rows, $"{id}: {table} has {actual} rows in Parquet, the manifest says {rows}");
        }

        Assert.Equal(expected["dim_policy"], db.ExecuteScalar<long>($"select count(*) from read_parquet('{Path.Combine(lake, "dim_policy")}/**/*.parquet') where document_id is not null"));
    }

    private static long Documents(string warehouse)
    {
        try
        {
            if (ServiceTestSupport.CurrentSnapshotId(warehouse) is null)
            {
                return -1;
            }

            using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
            return db.ExecuteScalar<long>("select count(*) from dim_document");
        }
        catch (DuckDBException)
        {
            return -1;
        }
    }
}
