using System.Diagnostics;
using System.Globalization;
using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Pipeline;
using BudgetWarehouse.Loader.Verbs;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Bench.Tools;

/// <summary>Settings of one <c>bench</c> run.</summary>
internal sealed record BenchOptions
{
    public int Documents { get; init; } = 1000;

    public string? Corpus { get; init; }

    public int Seed { get; init; } = 1;

    public bool Keep { get; init; }

    public string CorpusPath => Path.GetFullPath(Corpus ?? Path.Combine(Path.GetTempPath(), $"bw-bench-corpus-{Documents}-seed{Seed}"));
}

/// <summary>
/// The <c>bench</c> verb: a full load of a generated corpus into a fresh warehouse with time per stage and
/// peak memory; the floor (DuckDB alone bulk-loading the same final rows from CSV and writing the same
/// Parquet); a reload with nothing changed (a bw load process) and one after one document changed; the theme-by-year
/// query. Ends with one "bench:" line.
/// </summary>
internal sealed class BenchWorker(BenchOptions bench, LoadPipeline pipeline, LoadMetrics metrics, IOptions<WarehouseOptions> warehouseOptions,
    IHostApplicationLifetime lifetime, ILogger<BenchWorker> logger)
    : OneShotWorker(lifetime, logger)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    protected override async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        var output = Console.Out;
        var corpus = warehouseOptions.Value.SeedsPath;
        var warehouse = warehouseOptions.Value.WarehousePath;
        var expected = CorpusGenerator.ReadExpectation(corpus);
        if (expected is null || expected.Documents != bench.Documents || expected.Seed != bench.Seed)
        {
            var g = Stopwatch.StartNew();
            if (Directory.Exists(Path.Combine(corpus, DocumentInputs.DocumentsFolder)))
            {
                Directory.Delete(Path.Combine(corpus, DocumentInputs.DocumentsFolder), recursive: true);
            }

            expected = CorpusGenerator.Generate(corpus, bench.Documents, bench.Seed, stoppingToken);
            await output.WriteLineAsync($"corpus: generated {expected.Documents} documents in {corpus} ({g.Elapsed.TotalSeconds:F1} s)").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync($"corpus: reusing {corpus}").ConfigureAwait(false);
        }

        // Reference data (themes, functions, department rules, org charts) is the user's, not generated: the corpus
        // gets the repository's, so that the bench measures the workload a user's load has wherever it is run from.
        if (!await CopyReferenceAsync(corpus, output).ConfigureAwait(false))
        {
            return 1;
        }

        var mb = expected.Bytes / 1e6;
        foreach (var (family, t) in expected.Families)
        {
            await output.WriteLineAsync($"  {family,-18} {t.Documents,6} documents {t.Bytes / 1e6,8:F1} MB").ConfigureAwait(false);
        }

        if (Directory.Exists(warehouse))
        {
            Directory.Delete(warehouse, recursive: true);
        }

        try
        {
            // Files written in the last seconds are not trusted by their times (InputStamp): let a new corpus settle,
            // so that the unchanged reload below measures the path a user's folder takes.
            await WaitForQuietAsync(corpus, stoppingToken).ConfigureAwait(false);

            // Full load.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            ResetPeakRss();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var wallWatch = Stopwatch.StartNew();
            double rssParsing = 0, rssFinishing = 0, rssAfter = 0;
            var sampler = new Timer(_ =>
            {
                // Resident memory while documents are being parsed and appended, and afterwards (indexing, Parquet).
                var rss = StatusMb("VmRSS:");
                if (metrics.DocumentsTotal == 0 || metrics.DocumentsDone < metrics.DocumentsTotal)
                {
                    rssParsing = Math.Max(rssParsing, rss);
                }
                else if (metrics[LoadStage.Finish] == TimeSpan.Zero)
                {
                    rssFinishing = Math.Max(rssFinishing, rss);
                }
                else
                {
                    rssAfter = Math.Max(rssAfter, rss);
                }
            }, null, 0, 100);
            var outcome = await pipeline.RunAsync(stoppingToken).ConfigureAwait(false);
            var wall = wallWatch.Elapsed.TotalSeconds;
            await sampler.DisposeAsync().ConfigureAwait(false);
            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            var peakMb = StatusMb("VmHWM:") is > 0 and var hwm ? hwm : PeakWorkingSetMb();
            if (outcome.SnapshotId is null)
            {
                await output.WriteLineAsync($"load published nothing: {outcome.Failure}").ConfigureAwait(false);
                return 1;
            }

            await output.WriteLineAsync($"load: {outcome.Loaded} loaded, {outcome.Rejected} rejected, {outcome.Rows:N0} rows, {wall:F2} s, {mb / wall:F1} MB/s, {outcome.Rows / wall:N0} rows/s, peak RSS {peakMb:F0} MB, CPU {cpu:F2} s (user+system, all threads)").ConfigureAwait(false);
            await output.WriteLineAsync($"  resident memory: peak {rssParsing:F0} MB while parsing and appending, {rssFinishing:F0} MB while finishing, {rssAfter:F0} MB while exporting (sampled every 100 ms)").ConfigureAwait(false);
            foreach (var reason in outcome.Documents.Where(d => d.Status == "rejected").GroupBy(d => d.Error).OrderByDescending(g => g.Count()).Take(3))
            {
                await output.WriteLineAsync($"  rejected {reason.Count(),6}: {reason.Key}").ConfigureAwait(false);
            }

            await WriteStagesAsync(output).ConfigureAwait(false);
            foreach (var t in outcome.Tables)
            {
                await output.WriteLineAsync($"  {t.Name,-24} {t.Rows,12:N0} rows").ConfigureAwait(false);
            }

            // The floor: DuckDB alone loading the same rows from CSV and writing the same Parquet.
            // Its peak memory is measured apart from the load's (loader_rss_mb is the load's alone).
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            ResetPeakRss();
            var (csvSeconds, parquetSeconds, floorCpu) = await FloorAsync(Path.Combine(warehouse, SnapshotStore.DatabaseFile), stoppingToken).ConfigureAwait(false);
            var floorRssMb = StatusMb("VmHWM:");
            var floor = csvSeconds + parquetSeconds;
            await output.WriteLineAsync($"floor: read_csv {csvSeconds:F2} s + parquet {parquetSeconds:F2} s = {floor:F2} s; ratio {wall / floor:F2}; peak RSS {floorRssMb:F0} MB").ConfigureAwait(false);
            await output.WriteLineAsync($"  CPU: load {cpu:F2} s, floor {floorCpu:F2} s, CPU ratio {cpu / floorCpu:F2}").ConfigureAwait(false);

            // Nothing changes; bw load runs as a user runs it, in its own process.
            var (unchanged, unchangedSays) = await UnchangedReloadAsync(corpus, warehouse, stoppingToken).ConfigureAwait(false);
            await output.WriteLineAsync($"refresh: nothing changed, bw load {unchanged:F2} s including process start: {unchangedSays}").ConfigureAwait(false);

            // One document changes or is added; the load runs again on the loaded warehouse.
            var refresh = await new BenchRefresh(pipeline, WriteStagesAsync, output).RunAsync(corpus, expected, stoppingToken).ConfigureAwait(false);

            var (yoyMs, what) = await ThemeYearAsync(Path.Combine(warehouse, SnapshotStore.DatabaseFile), stoppingToken).ConfigureAwait(false);
            await output.WriteLineAsync($"theme by year: {what}, median of 5 runs {yoyMs:F1} ms").ConfigureAwait(false);
            var dashboardMs = await DashboardBench.RunAsync(new SnapshotStore(warehouse), output, stoppingToken).ConfigureAwait(false);
            var pdfPagesPerSecond = await PdfTextAsync(output).ConfigureAwait(false);
            if (bench.Keep)
            {
                await output.WriteLineAsync($"warehouse kept: {warehouse}").ConfigureAwait(false);
            }

            await output.WriteLineAsync(string.Create(Inv,
                $"bench: docs={expected.Documents} mb={mb:F1} wall_s={wall:F2} mb_per_s={mb / wall:F1} peak_rss_mb={peakMb:F0} floor_s={floor:F2} ratio={wall / floor:F2} refresh_s={refresh.Earliest:F2} refresh_unchanged_s={unchanged:F2} yoy_ms={yoyMs:F1} dashboard_max_ms={dashboardMs:F1} pdf_pages_per_s={pdfPagesPerSecond:F0} refresh_latest_s={refresh.Latest:F2} refresh_earliest_s={refresh.Earliest:F2} refresh_new_s={refresh.New:F2} loader_rss_mb={peakMb:F0} floor_rss_mb={floorRssMb:F0}")).ConfigureAwait(false);
            return 0;
        }
        finally
        {
            if (!bench.Keep && Directory.Exists(warehouse))
            {
                Directory.Delete(warehouse, recursive: true);
            }
        }
    }

    private async Task WriteStagesAsync(TextWriter output)
    {
        var workers = warehouseOptions.Value.Parallelism > 0 ? warehouseOptions.Value.Parallelism : Environment.ProcessorCount;
        await output.WriteLineAsync($"stages: wall s (decode/parse/transform summed over {workers} parallel workers) and CPU s of the calling thread (DuckDB's own worker threads not included)").ConfigureAwait(false);
        foreach (var stage in Enum.GetValues<LoadStage>())
        {
            var stageCpu = metrics.Cpu(stage);
            await output.WriteLineAsync($"  {stage.ToString().ToLowerInvariant(),-10} {metrics[stage].TotalSeconds,8:F2} {(stageCpu > TimeSpan.Zero ? stageCpu.TotalSeconds.ToString("F2", Inv) : "-"),8}").ConfigureAwait(false);
        }

        foreach (var (step, stepWall) in metrics.Steps)
        {
            await output.WriteLineAsync($"    {step,-44} {stepWall.TotalSeconds,8:F2}").ConfigureAwait(false);
        }
    }

    /// <summary>PDF text extraction (letters to laid-out lines) over the repository's test PDFs, in pages per second.</summary>
    private static async Task<double> PdfTextAsync(TextWriter output)
    {
        var folder = FindInRepository(PdfThroughput.DefaultFolder) ?? Path.GetFullPath(PdfThroughput.DefaultFolder);
        if (PdfThroughput.Measure(folder) is not { } pdf)
        {
            await output.WriteLineAsync($"pdf text: no test PDFs in {folder}").ConfigureAwait(false);
            return double.NaN;
        }

        await output.WriteLineAsync($"pdf text: {pdf.Pages} pages of {pdf.Files} test PDFs in {pdf.Seconds:F2} s, {pdf.Pages / pdf.Seconds:F0} pages/s").ConfigureAwait(false);
        return pdf.Pages / pdf.Seconds;
    }

    private static async Task<(double CsvSeconds, double ParquetSeconds, double CpuSeconds)> FloorAsync(string database, CancellationToken cancellationToken)
    {
        var dir = Path.Combine(Path.GetTempPath(), "bw-bench-floor-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        try
        {
            List<string> tables;
            await using (var source = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY"))
            {
                await source.OpenAsync(cancellationToken).ConfigureAwait(false);
                tables = [.. await source.QueryAsync<string>("select table_name from duckdb_tables() where schema_name = 'main' order by table_name").ConfigureAwait(false)];
                foreach (var t in tables)
                {
                    await source.ExecuteAsync($"copy \"{t}\" to '{Csv(dir, t)}' (format csv, header true)").ConfigureAwait(false);
                }
            }

            await using var target = new DuckDBConnection($"Data Source={Path.Combine(dir, "floor.duckdb")}");
            await target.OpenAsync(cancellationToken).ConfigureAwait(false);
            await SqlScripts.RunFolderAsync(target, "schema", cancellationToken).ConfigureAwait(false);
            var columns = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var t in tables)
            {
                var types = await target.QueryAsync<(string Name, string Type)>(
                    "select column_name, data_type from duckdb_columns() where table_name = $t order by column_index", new { t }).ConfigureAwait(false);
                columns[t] = "{" + string.Join(", ", types.Select(c => $"'{c.Name}': '{c.Type}'")) + "}";
            }

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            foreach (var t in tables)
            {
                await target.ExecuteAsync($"insert into \"{t}\" select * from read_csv('{Csv(dir, t)}', header = true, columns = {columns[t]})").ConfigureAwait(false);
            }

            await target.ExecuteAsync("checkpoint").ConfigureAwait(false);
            var csv = watch.Elapsed.TotalSeconds;
            watch.Restart();
            await ParquetExporter.ExportAsync(target, Path.Combine(dir, "parquet"), cancellationToken).ConfigureAwait(false);
            var parquet = watch.Elapsed.TotalSeconds;
            return (csv, parquet, (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task WaitForQuietAsync(string corpus, CancellationToken cancellationToken)
    {
        var newest = Directory.EnumerateFiles(corpus, "*", SearchOption.AllDirectories).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty().Max();
        var wait = newest.AddSeconds(2.5) - DateTime.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>bw load</c> on the folder just loaded, in a new process (the loader beside this tool), timed from start to
    /// exit: NaN unless it says that nothing changed.
    /// </summary>
    private async Task<(double Seconds, string Says)> UnchangedReloadAsync(string corpus, string warehouse, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "bw.dll"), "load", "--seeds", corpus, "--warehouse", warehouse })
        {
            info.ArgumentList.Add(a);
        }

        // The same limits as this run's loads: they are part of what the stamp compares.
        info.Environment["Warehouse__MaxFileBytes"] = warehouseOptions.Value.MaxFileBytes.ToString(Inv);
        info.Environment["Warehouse__MaxLineLength"] = warehouseOptions.Value.MaxLineLength.ToString(Inv);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start bw load");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var seconds = watch.Elapsed.TotalSeconds;
        var says = ((await stdout.ConfigureAwait(false)) + (await stderr.ConfigureAwait(false))).Trim().Split('\n')[0];
        return (process.ExitCode == 0 && says.StartsWith("nothing changed", StringComparison.Ordinal) ? seconds : double.NaN, says);
    }

    private static async Task<(double Ms, string What)> ThemeYearAsync(string database, CancellationToken cancellationToken)
    {
        await using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        var hasView = await connection.ExecuteScalarAsync<long>("select count(*) from duckdb_views() where view_name = 'v_theme_year'").ConfigureAwait(false) > 0;
        var sql = hasView ? "select * from v_theme_year" : await File.ReadAllTextAsync(Path.Combine(SqlScripts.Root, "bench", "theme_year.sql"), cancellationToken).ConfigureAwait(false);
        var what = hasView ? "v_theme_year" : "v_theme_year not defined yet; timed sql/bench/theme_year.sql instead";
        // Each run executes the query and reads every value of every row through a data reader, as a client does; the
        // garbage the load left behind is collected first so that it is not charged to the query.
        var times = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            var watch = Stopwatch.StartNew();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = 0;
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                reader.GetValues(values);
                rows++;
            }

            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            else
            {
                what += $" ({rows} rows)";
            }
        }

        times.Sort();
        return (times[times.Count / 2], what);
    }

    /// <summary>
    /// Copies the repository's seeds/reference (found from the working folder or above this tool's binary) into the
    /// corpus, subfolders included, rewriting only files whose bytes differ. False, with the reason printed, when
    /// there is none to copy and the corpus has none of its own.
    /// </summary>
    private static async Task<bool> CopyReferenceAsync(string corpus, TextWriter output)
    {
        var target = Path.Combine(corpus, "reference");
        if (FindInRepository(Path.Combine("seeds", "reference")) is not { } source)
        {
            if (Directory.Exists(target))
            {
                await output.WriteLineAsync($"reference: using the corpus's own {target} (no seeds/reference found)").ConfigureAwait(false);
                return true;
            }

            await output.WriteLineAsync("error: no seeds/reference found in the working folder or above the bench binary; run from the repository or give the corpus a reference/ folder").ConfigureAwait(false);
            return false;
        }

        var copied = 0;
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            var bytes = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
            if (File.Exists(to) && (await File.ReadAllBytesAsync(to).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            await File.WriteAllBytesAsync(to, bytes).ConfigureAwait(false);
            copied++;
        }

        await output.WriteLineAsync($"reference: {source} ({copied} files copied into the corpus)").ConfigureAwait(false);
        return true;
    }

    /// <summary>A folder of the repository, looked for from the working folder and from this tool's binary upwards.</summary>
    private static string? FindInRepository(string relative)
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static string Csv(string dir, string table) => Path.Combine(dir, table + ".csv").Replace("'", "''", StringComparison.Ordinal);

    /// <summary>Resets the kernel's peak-RSS mark (VmHWM) so that it measures the load alone (Linux 4.0+).</summary>
    private static void ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A memory figure from /proc/self/status in MB (VmHWM: peak resident, VmRSS: resident now), or 0 where there is no /proc.</summary>
    private static double StatusMb(string field)
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0], Inv) / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    private static double PeakWorkingSetMb()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64 / (1024.0 * 1024);
    }
}
