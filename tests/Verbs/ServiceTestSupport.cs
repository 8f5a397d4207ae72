using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Verbs;

/// <summary>A seeds folder in a temporary directory, with copies of the repository's seeds that load on their own.</summary>
internal sealed class SeedsFolder
{
    public SeedsFolder(string root)
    {
        Root = root;
        Directory.CreateDirectory(DocumentsDir);
    }

    public string Root { get; }

    public string DocumentsDir => Path.Combine(Root, "documents");

    public string ManifestPath => Path.Combine(Root, "manifest.csv");

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(DocumentsDir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write aside and rename, as a careful copier would: the loader never sees half a file.
        var temp = Path.Combine(DocumentsDir, "." + Path.GetFileName(name) + ".partial");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        return path;
    }

    public void Delete(string name) => File.Delete(Path.Combine(DocumentsDir, name));
}

/// <summary>Seeds, loads and reads used by the service tests.</summary>
internal static class ServiceTestSupport
{
    /// <summary>The budget-priorities seed: a family every build of the loader supports.</summary>
    public static byte[] BudgetSeed { get; } = File.ReadAllBytes(TestPaths.SeedDocument("000_"));

    /// <summary>The seed with <paramref name="n"/> extra blank lines: new bytes, same rows.</summary>
    public static byte[] BudgetSeedVariant(int n) => [.. BudgetSeed, .. Encoding.ASCII.GetBytes(new string('\n', n))];

    /// <summary>An in-process pipeline configured like the service, with the given settings over the defaults.</summary>
    public static LoadPipeline Pipeline(string seeds, string warehouse, params (string Key, string Value)[] settings) =>
        TestWarehouse.Pipeline(seeds, warehouse, [new("Warehouse:Parallelism", "2"), .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))]);

    public static DuckDBConnection OpenReadOnly(string databasePath)
    {
        var connection = new DuckDBConnection($"Data Source={databasePath};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Per table (run log excepted): row count and an order-independent hash of every row's columns but the
    /// timestamps (loaded_at says when a row was first written, which carried rows keep). Two warehouses with
    /// equal digests hold the same data.
    /// </summary>
    public static SortedDictionary<string, string> Digest(DuckDBConnection connection)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var tables = connection.Query<string>(
            "select table_name from duckdb_tables() where database_name = current_database() and schema_name = 'main' and table_name not like 'etl\\_%' escape '\\'").ToList();
        foreach (var table in tables)
        {
            var columns = connection.Query<string>(
                "select column_name from duckdb_columns() where database_name = current_database() and schema_name = 'main' and table_name = $t and data_type not like 'TIMESTAMP%' order by column_index",
                new { t = table }).Select(c => "\"" + c + "\"");
            result[table] = connection.ExecuteScalar<string>($"select count(*) || ':' || coalesce(cast(bit_xor(hash({string.Join(", ", columns)})) as varchar), '-') from \"{table}\"")!;
        }

        return result;
    }

    public static string Describe(IDictionary<string, string> digest) => string.Join(", ", digest.Select(kv => $"{kv.Key}={kv.Value.Split(':')[0]}"));

    /// <summary>Row counts per table named in a snapshot's _manifest.json.</summary>
    public static Dictionary<string, long> ManifestCounts(string lakeDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(lakeDir, "_manifest.json")));
        return doc.RootElement.GetProperty("tables").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("rows").GetInt64(), StringComparer.Ordinal);
    }

    /// <summary>Where bw.dll is: the test project references the loader, so it is copied beside the tests.</summary>
    public static string BwDll => Path.Combine(AppContext.BaseDirectory, "bw.dll");

    public static Process StartBw(string arguments, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(BwDll);
        foreach (var a in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var kv in environment ?? new Dictionary<string, string>())
        {
            info.Environment[kv.Key] = kv.Value;
        }

        var process = new Process { StartInfo = info };
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Logs.AddOrUpdate(process, log);
        return process;
    }

    /// <summary>
    /// Everything the process wrote so far. Once it has exited, waits for the redirected streams to drain:
    /// WaitForExit(timeout) returns before the asynchronous readers have seen the last lines.
    /// </summary>
    public static string Output(Process process)
    {
        if (!Logs.TryGetValue(process, out var log))
        {
            return "";
        }

        if (process.HasExited)
        {
            process.WaitForExit();
        }

        lock (log)
        {
            return log.ToString();
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Process, StringBuilder> Logs = new();

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int NativeKill(int pid, int signal);

    public static void Terminate(Process process) => Assert.Equal(0, NativeKill(process.Id, 15));

    /// <summary>Polls until <paramref name="condition"/> holds or the time is up.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }

    public static string? CurrentSnapshotId(string warehouse)
    {
        var target = new DirectoryInfo(Path.Combine(warehouse, "current")).LinkTarget;
        return target is null ? null : Path.GetFileName(target);
    }
}
