using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using BudgetWarehouse.Loader.Verbs;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Tests;

/// <summary>
/// The one way tests build the loader's container (as the CLI registers it) and run the load pipeline against a
/// seeds folder and a warehouse folder. Settings are layered over the warehouse paths; <c>parsers</c>, when given,
/// replace the registered document parsers (a test that loads one family only).
/// </summary>
internal static class TestWarehouse
{
    public static ServiceProvider Services(string seeds, string warehouse, IEnumerable<KeyValuePair<string, string?>>? settings = null, IDocumentParser[]? parsers = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Warehouse:Seeds"] = seeds,
            ["Warehouse:Warehouse"] = warehouse,
        };
        foreach (var kv in settings ?? [])
        {
            config[kv.Key] = kv.Value;
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddBudgetWarehouse();
        if (parsers is not null)
        {
            services.RemoveAll<IDocumentParser>();
            foreach (var parser in parsers)
            {
                services.AddSingleton(parser);
            }
        }

        return services.BuildServiceProvider();
    }

    /// <summary>A pipeline that lives as long as the test (the service's pipeline keeps its hash cache across runs).</summary>
    public static LoadPipeline Pipeline(string seeds, string warehouse, IEnumerable<KeyValuePair<string, string?>>? settings = null, IDocumentParser[]? parsers = null) =>
        Services(seeds, warehouse, settings, parsers).GetRequiredService<LoadPipeline>();

    /// <summary>One load; snapshots superseded by it are removed at once (no grace, none kept) unless <paramref name="settings"/> say otherwise.</summary>
    public static async Task<LoadOutcome> LoadAsync(string seeds, string warehouse, IDictionary<string, string?>? settings = null, IDocumentParser[]? parsers = null)
    {
        var layered = new Dictionary<string, string?> { ["Warehouse:SnapshotGraceSeconds"] = "0", ["Warehouse:KeepSnapshots"] = "1" };
        foreach (var kv in settings ?? new Dictionary<string, string?>())
        {
            layered[kv.Key] = kv.Value;
        }

        return await LoadExactlyAsync(seeds, warehouse, layered, parsers);
    }

    /// <summary>One load with only the given settings over the defaults.</summary>
    public static async Task<LoadOutcome> LoadExactlyAsync(string seeds, string warehouse, IEnumerable<KeyValuePair<string, string?>>? settings = null, IDocumentParser[]? parsers = null)
    {
        await using var provider = Services(seeds, warehouse, settings, parsers);
        return await provider.GetRequiredService<LoadPipeline>().RunAsync(CancellationToken.None);
    }

    /// <summary>Opens the current snapshot read-only.</summary>
    public static DuckDBConnection OpenReadOnly(string warehouse)
    {
        var connection = new DuckDBConnection($"Data Source={Path.Combine(warehouse, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return connection;
    }

    /// <summary>A copy of a seeds-layout folder (such as a fixture under tests/fixtures) at <paramref name="destination"/>, for a test to change.</summary>
    public static string CopyFolder(string source, string destination)
    {
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return destination;
    }

    /// <summary>A copy of the repository's seeds (documents, manifest, reference) that a test may change.</summary>
    public static string CopySeeds(string destination, Func<string, bool>? includeDocument = null)
    {
        var target = Path.Combine(destination, "seeds");
        foreach (var file in Directory.EnumerateFiles(TestPaths.Seeds, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(TestPaths.Seeds, file);
            if (relative.StartsWith("documents", StringComparison.Ordinal) && includeDocument is not null && !includeDocument(Path.GetFileName(file)))
            {
                continue;
            }

            var to = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }
}
