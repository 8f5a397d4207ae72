using System.Diagnostics;
using System.Text;
using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Bench.Tools;

/// <summary>The reload times of the refresh cases, in seconds (NaN when a reload published nothing).</summary>
internal sealed record RefreshTimes(double Latest, double Earliest, double New);

/// <summary>
/// The refresh cases of <c>bench</c>, run on the loaded warehouse as a user meets them: a budget document of the
/// latest fiscal year edited, one of the earliest year edited (its series' lineage reaches every later year), and the
/// document the generator would have written next added with its manifest row. Each reload is timed in this process
/// and its stage times printed; then the corpus is put back and reloaded, untimed, so that every case starts from
/// the warehouse of the full load.
/// </summary>
internal sealed class BenchRefresh(LoadPipeline pipeline, Func<TextWriter, Task> writeStages, TextWriter output)
{
    /// <summary>The line each edit appends: one new item in the document's last list.</summary>
    public const string EditedLine = "\n・ベンチマークで追加した項目を実施\n";

    public async Task<RefreshTimes> RunAsync(string corpus, CorpusExpectation expected, CancellationToken cancellationToken)
    {
        var editable = expected.Files
            .Where(f => f.Family == DocumentFamilies.BudgetPriorities && f.Encoding == "utf-8" && !f.Variants.Contains("flattened", StringComparison.Ordinal))
            .OrderBy(f => f.FiscalYear).ThenBy(f => f.File, StringComparer.Ordinal)
            .ToList();
        var latest = editable.Last(f => f.FiscalYear == editable[^1].FiscalYear);
        var earliest = editable[0];

        var latestSeconds = await EditAsync(corpus, latest, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"refresh: one document of the latest year changed ({latest.File}, FY{latest.FiscalYear}), reload {latestSeconds:F2} s").ConfigureAwait(false);
        await writeStages(output).ConfigureAwait(false);

        var earliestSeconds = await EditAsync(corpus, earliest, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"refresh: one document of the earliest year changed ({earliest.File}, FY{earliest.FiscalYear}), reload {earliestSeconds:F2} s").ConfigureAwait(false);
        await writeStages(output).ConfigureAwait(false);

        var (added, newSeconds) = await AddAsync(corpus, expected, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync($"refresh: one new document ({added.File}, {added.Municipality} FY{added.FiscalYear}), reload {newSeconds:F2} s").ConfigureAwait(false);
        await writeStages(output).ConfigureAwait(false);
        return new RefreshTimes(latestSeconds, earliestSeconds, newSeconds);
    }

    private async Task<double> EditAsync(string corpus, GeneratedDocument doc, CancellationToken cancellationToken)
    {
        var path = Path.Combine(corpus, DocumentInputs.DocumentsFolder, doc.File);
        var original = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            await File.AppendAllTextAsync(path, EditedLine, cancellationToken).ConfigureAwait(false);
            return await TimedReloadAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await File.WriteAllBytesAsync(path, original, CancellationToken.None).ConfigureAwait(false);
            await RestoreAsync().ConfigureAwait(false);
        }
    }

    private async Task<(GeneratedDocument Doc, double Seconds)> AddAsync(string corpus, CorpusExpectation expected, CancellationToken cancellationToken)
    {
        var (doc, bytes, row) = CorpusGenerator.NextDocument(expected.Documents, expected.Seed);
        var path = Path.Combine(corpus, DocumentInputs.DocumentsFolder, doc.File);
        var manifest = Path.Combine(corpus, "manifest.csv");
        var originalManifest = await File.ReadAllBytesAsync(manifest, cancellationToken).ConfigureAwait(false);
        try
        {
            await File.WriteAllBytesAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            await File.AppendAllTextAsync(manifest, row, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            return (doc, await TimedReloadAsync(cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            File.Delete(path);
            await File.WriteAllBytesAsync(manifest, originalManifest, CancellationToken.None).ConfigureAwait(false);
            await RestoreAsync().ConfigureAwait(false);
        }
    }

    private async Task<double> TimedReloadAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var outcome = await pipeline.RunAsync(cancellationToken).ConfigureAwait(false);
        return outcome.SnapshotId is null ? double.NaN : watch.Elapsed.TotalSeconds;
    }

    /// <summary>Reloads the restored corpus so that the next case starts from the full load's rows.</summary>
    private async Task RestoreAsync()
    {
        var outcome = await pipeline.RunAsync(CancellationToken.None).ConfigureAwait(false);
        if (outcome.SnapshotId is null)
        {
            throw new InvalidOperationException($"the reload after restoring the corpus published nothing: {outcome.Failure}");
        }
    }
}
