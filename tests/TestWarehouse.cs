using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Service;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BudgetWarehouse.Tests;

/// <summary>Runs the real load pipeline (as registered for the CLI) against a seeds folder and a warehouse folder.</summary>
internal static class TestWarehouse
{
    public static async Task<LoadOutcome> LoadAsync(string seeds, string warehouse, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Warehouse:Seeds"] = seeds,
            ["Warehouse:Warehouse"] = warehouse,
            ["Warehouse:SnapshotGraceSeconds"] = "0",
        };
        foreach (var kv in settings ?? new Dictionary<string, string?>())
        {
            config[kv.Key] = kv.Value;
        }

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build())
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddBudgetWarehouse();
        await using var provider = services.BuildServiceProvider();
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
