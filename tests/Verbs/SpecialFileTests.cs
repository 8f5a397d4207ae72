using System.Diagnostics;
using System.Net.Sockets;
using BudgetWarehouse.Models;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>
/// Only regular files are documents: a FIFO, a socket or a device node in documents/ gets one line saying what it
/// is and is never opened (opening a FIFO blocks until a writer comes), while the regular files beside it load.
/// </summary>
public sealed class SpecialFileTests
{
    private const string Skipped = ", not a regular file: skipped without opening it";

    [Fact]
    public async Task A_fifo_a_socket_and_a_device_are_skipped_with_one_line_each_and_the_rest_loads()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("good.txt", ServiceTestSupport.BudgetSeed);
        Run("mkfifo", Path.Combine(seeds.DocumentsDir, "pipe.txt"));
        using var socket = BindSocket(Path.Combine(seeds.DocumentsDir, "socket.txt"));
        var expected = new Dictionary<string, string>
        {
            ["pipe.txt"] = "a FIFO (named pipe)" + Skipped,
            ["socket.txt"] = "a socket" + Skipped,
        };
        if (Environment.UserName == "root")
        {
            // Character device 1:3 is /dev/null; only root may make device nodes.
            Run("mknod", Path.Combine(seeds.DocumentsDir, "device.txt"), "c", "1", "3");
            expected["device.txt"] = "a character device" + Skipped;
        }

        var warehouse = Path.Combine(temp.Path, "warehouse");

        // A guard against the old hang, not a speed assertion: a blocked open would never return.
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var outcome = await ServiceTestSupport.Pipeline(seeds.Root, warehouse).RunAsync(hang.Token);

        Assert.Equal(2, outcome.ExitCode);
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        var records = db.Query<EtlDocumentRow>("select file_name as FileName, status as Status, error as Error from etl_document").ToList();
        Assert.Equal("loaded", Assert.Single(records, r => r.FileName == "good.txt").Status);
        foreach (var (name, reason) in expected)
        {
            var record = Assert.Single(records, r => r.FileName == name);
            Assert.Equal(("rejected", reason), (record.Status, record.Error));
        }

        Assert.Equal(1 + expected.Count, records.Count);
    }

    [Fact]
    public async Task Serve_with_a_fifo_present_publishes_a_document_dropped_in_later_and_stops_with_exit_0()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        Run("mkfifo", Path.Combine(seeds.DocumentsDir, "pipe.txt"));
        var environment = new Dictionary<string, string> { ["Warehouse__Parallelism"] = "2", ["Serve__RescanSeconds"] = "30" };
        using var serve = ServiceTestSupport.StartBw($"serve --seeds {seeds.Root} --warehouse {warehouse} --debounce-ms 200", environment);
        try
        {
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => LoadedFiles(warehouse).Contains("a.txt"), TimeSpan.FromSeconds(90)), "no initial snapshot: " + ServiceTestSupport.Output(serve));
            seeds.Write("later.txt", ServiceTestSupport.BudgetSeedVariant(3));
            Assert.True(await ServiceTestSupport.WaitUntilAsync(() => LoadedFiles(warehouse).Contains("later.txt"), TimeSpan.FromSeconds(60)), "later document not published: " + ServiceTestSupport.Output(serve));

            ServiceTestSupport.Terminate(serve);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await serve.WaitForExitAsync(timeout.Token);
            Assert.True(serve.ExitCode == 0, $"exit code {serve.ExitCode}: {ServiceTestSupport.Output(serve)}");
        }
        finally
        {
            if (!serve.HasExited)
            {
                serve.Kill();
            }
        }
    }

    private static List<string> LoadedFiles(string warehouse)
    {
        if (ServiceTestSupport.CurrentSnapshotId(warehouse) is not { } id)
        {
            return [];
        }

        try
        {
            using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "snapshots", id, "budget.duckdb"));
            return [.. db.Query<string>("select file_name from dim_document")];
        }
        catch (DuckDB.NET.Data.DuckDBException)
        {
            // A snapshot being replaced while this poll opens it; the next poll sees the new one.
            return [];
        }
    }

    private static Socket BindSocket(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        return socket;
    }

    private static void Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
    }
}
