using System.Diagnostics;
using BudgetWarehouse.Models;
using Dapper;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>Bad options, missing or unwritable files and odd inputs each get one precise line, never a stack trace.</summary>
public sealed class ErrorMessageTests
{
    [Fact]
    public async Task An_unknown_format_is_one_line_with_exit_2()
    {
        var (exit, stderr) = await RunAsync("query --warehouse nowhere --format xml x");
        Assert.Equal((2, "error: --format must be table, csv, json or parquet, not 'xml'"), (exit, stderr));
    }

    [Fact]
    public async Task A_missing_sql_file_is_one_line_with_exit_2()
    {
        using var temp = new TempDir();
        var missing = Path.Combine(temp.Path, "missing.sql");
        var (exit, stderr) = await RunAsync($"query --warehouse {temp.Path} -f {missing}");
        Assert.Equal((2, $"error: Could not find file '{missing}'."), (exit, stderr));
    }

    [Fact]
    public async Task Query_without_sql_says_what_is_missing()
    {
        var (exit, stderr) = await RunAsync("query --warehouse nowhere");
        Assert.Equal((2, "error: no SQL given: pass one statement as an argument or with --file FILE"), (exit, stderr));
    }

    [Fact]
    public async Task Docs_to_an_unwritable_path_is_one_line_with_exit_2()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        var warehouse = Path.Combine(temp.Path, "warehouse");
        await ServiceTestSupport.Pipeline(seeds.Root, warehouse).RunAsync(CancellationToken.None);

        var (exit, stderr) = await RunAsync($"docs --warehouse {warehouse} --out /proc/x.md");
        Assert.Equal((2, "error: cannot write /proc/x.md: Could not find file '/proc/x.md'."), (exit, stderr));
    }

    [Fact]
    public async Task A_warehouse_folder_that_cannot_be_written_is_called_read_only_not_locked()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);

        // sysfs refuses new files even to root, as a read-only mount or a folder without write permission does.
        var (exit, stderr) = await RunAsync($"load --seeds {seeds.Root} --warehouse /sys/fs");
        Assert.Equal((2, "error: the warehouse folder /sys/fs is read-only: cannot create /sys/fs/.lock (Access to the path '/sys/fs/.lock' is denied.)"), (exit, stderr));
    }

    [Fact]
    public async Task A_warehouse_locked_by_another_load_is_one_line_with_exit_2()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        seeds.Write("a.txt", ServiceTestSupport.BudgetSeed);
        var warehouse = Path.Combine(temp.Path, "warehouse");
        Directory.CreateDirectory(warehouse);
        var lockPath = Path.Combine(warehouse, ".lock");
        using var held = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var (exit, stderr) = await RunAsync($"load --seeds {seeds.Root} --warehouse {warehouse}");
        Assert.Equal((2, $"error: another load is writing to {warehouse} (lock {lockPath} is held)"), (exit, stderr));
    }

    [Fact]
    public async Task An_unexpected_error_is_one_line_and_its_stack_trace_only_with_verbose()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var snapshot = Path.Combine(warehouse, "snapshots", "x");
        Directory.CreateDirectory(snapshot);
        await File.WriteAllTextAsync(Path.Combine(snapshot, "budget.duckdb"), "not a database\n");
        Directory.CreateSymbolicLink(Path.Combine(warehouse, "current"), "snapshots/x");

        var message = $"error: IO Error: The file \"{Path.Combine(snapshot, "budget.duckdb")}\" exists, but it is not a valid DuckDB database file!";
        Assert.Equal((1, message), await RunAsync($"status --warehouse {warehouse}"));

        var (exit, verbose) = await RunAsync($"status --warehouse {warehouse} --verbose");
        Assert.Equal(1, exit);
        Assert.EndsWith(message, verbose, StringComparison.Ordinal);
        Assert.Contains("StatusWorker failed", verbose, StringComparison.Ordinal);
        Assert.Contains(" at BudgetWarehouse.Loader.Verbs.StatusWorker", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_says_so()
    {
        using var temp = new TempDir();
        var seeds = new SeedsFolder(Path.Combine(temp.Path, "seeds"));
        var good = seeds.Write("good.txt", ServiceTestSupport.BudgetSeed);
        using (var copy = Process.Start(new ProcessStartInfo("bash", ["-c", "cp \"$1\" \"$2/bad-$(printf '\\377\\376').txt\"", "_", good, seeds.DocumentsDir]))!)
        {
            await copy.WaitForExitAsync();
            Assert.Equal(0, copy.ExitCode);
        }

        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await ServiceTestSupport.Pipeline(seeds.Root, warehouse).RunAsync(CancellationToken.None);

        Assert.Equal(2, outcome.ExitCode);
        using var db = ServiceTestSupport.OpenReadOnly(Path.Combine(warehouse, "budget.duckdb"));
        var rejected = Assert.Single(db.Query<EtlDocumentRow>("select file_name as FileName, error as Error from etl_document where status = 'rejected'"));
        Assert.Equal("file name is not valid UTF-8: rename the file", rejected.Error);
    }

    private static async Task<(int Exit, string Stderr)> RunAsync(string arguments)
    {
        using var bw = ServiceTestSupport.StartBw(arguments);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await bw.WaitForExitAsync(timeout.Token);
        return (bw.ExitCode, ServiceTestSupport.Output(bw).Trim());
    }
}
