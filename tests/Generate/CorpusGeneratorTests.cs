using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Pipeline;
using BudgetWarehouse.Loader.Verbs;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Tests.Generate;

/// <summary>Runs only when the loader has a parser for the plan-progress family; otherwise skipped, saying why.</summary>
public sealed class PlanProgressFactAttribute : FactAttribute
{
    public PlanProgressFactAttribute()
    {
        if (!CorpusGeneratorTests.Detector().SupportedFamilies.Contains(DocumentFamilies.PlanProgress))
        {
            Skip = "the plan_progress family has no parser yet: the generated plan-progress documents' counts are not checked";
        }
    }
}

public class CorpusGeneratorTests
{
    [Fact]
    public void TheNextDocumentIsTheOneALargerCorpusWouldHaveWithItsManifestRow()
    {
        using var small = new TempDir();
        using var larger = new TempDir();
        var expected = CorpusGenerator.Generate(small.Path, 30, seed: 5);
        CorpusGenerator.Generate(larger.Path, 31, seed: 5);

        var (doc, bytes, row) = CorpusGenerator.NextDocument(expected.Documents, expected.Seed);

        Assert.DoesNotContain(expected.Files, f => f.File == doc.File);
        Assert.False(File.Exists(Path.Combine(small.Path, "documents", doc.File)));
        Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(larger.Path, "documents", doc.File))));
        Assert.Equal(File.ReadAllLines(Path.Combine(larger.Path, "manifest.csv"))[^1] + "\n", row);
        Assert.Equal(File.ReadAllText(Path.Combine(small.Path, "manifest.csv")) + row, File.ReadAllText(Path.Combine(larger.Path, "manifest.csv")));
    }

    [Fact]
    public void SameSeedGivesIdenticalBytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        CorpusGenerator.Generate(a.Path, 40, seed: 7);
        CorpusGenerator.Generate(b.Path, 40, seed: 7);
        CorpusGenerator.Generate(c.Path, 40, seed: 8);

        var files = Files(a.Path);
        Assert.Equal(files, Files(b.Path));
        Assert.Equal(42, files.Count); // 40 documents, manifest.csv, expected.json
        foreach (var f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Path, f))), f + " differs between two runs with the same seed");
        }

        Assert.Contains(files, f => f.StartsWith("documents/", StringComparison.Ordinal)
            && !File.ReadAllBytes(Path.Combine(a.Path, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(c.Path, f))));
    }

    [Fact]
    public void CorpusUsesTheFamiliesVariants()
    {
        using var dir = new TempDir();
        var expected = CorpusGenerator.Generate(dir.Path, 400, seed: 1);
        var variants = string.Join(' ', expected.Files.Select(f => f.Variants));
        foreach (var v in new[] { "fullwidth", "diamond", "wrap", "pages", "flattened", "marked-details", "boxroman", "romannumeral", "dai", "bullet'・ '" })
        {
            Assert.Contains(v, variants, StringComparison.Ordinal);
        }

        Assert.True(expected.Encodings.GetValueOrDefault("cp932") > 0, "no CP932 file");
        Assert.Equal(200, expected.Families[DocumentFamilies.BudgetPriorities].Documents);
        Assert.Equal(200, expected.Families[DocumentFamilies.PlanProgress].Documents);
        var budget = expected.Files.Where(f => f.Family == DocumentFamilies.BudgetPriorities).Average(f => f.Bytes);
        var plan = expected.Files.Where(f => f.Family == DocumentFamilies.PlanProgress).Average(f => f.Bytes);
        Assert.InRange(budget, 15_000, 35_000);
        Assert.InRange(plan, 5_000, 12_000);
        Assert.Equal(expected.Files.Count, expected.Files.Select(f => f.File).Distinct().Count());
        Assert.All(expected.Files, f => Assert.Matches(@"^\d{6}$", f.MunicipalityCode));
    }

    [Fact]
    public void CheckDigitFollowsTheNationalScheme()
    {
        Assert.Equal('2', Municipalities.CheckDigit(1100)); // 札幌市 011002
        Assert.Equal('6', Municipalities.CheckDigit(13101)); // 千代田区 131016
        Assert.Equal('4', Municipalities.CheckDigit(17201)); // 金沢市 172014
    }

    [Fact]
    public async Task BudgetPrioritiesDocumentsLoadWithTheCountsTheGeneratorWrote()
    {
        using var dir = new TempDir();
        var corpus = Path.Combine(dir.Path, "corpus");
        var expected = CorpusGenerator.Generate(corpus, 240, seed: 3);
        var loaded = await LoadAsync(corpus, Path.Combine(dir.Path, "warehouse"));

        var budget = expected.Files.Where(f => f.Family == DocumentFamilies.BudgetPriorities).ToList();
        var mismatches = new List<string>();
        foreach (var f in budget)
        {
            if (!loaded.TryGetValue(f.File, out var actual))
            {
                mismatches.Add($"{f.File} ({f.Variants}) not loaded");
                continue;
            }

            var want = $"levels [{string.Join(",", f.Counts.PoliciesByLevel)}] items {f.Counts.Items} details {f.Counts.Details}";
            var got = $"levels [{string.Join(",", actual.Levels)}] items {actual.Items} details {actual.Details}";
            if (want != got)
            {
                mismatches.Add($"{f.File} ({f.Variants}): expected {want}, loaded {got}");
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(20)));
        var totals = expected.Families[DocumentFamilies.BudgetPriorities];
        Assert.Equal(totals.Items, budget.Sum(f => loaded[f.File].Items));
        Assert.Equal(totals.Details, budget.Sum(f => loaded[f.File].Details));
    }

    [PlanProgressFact]
    public async Task PlanProgressDocumentsLoadWithTheCountsTheGeneratorWrote()
    {
        using var dir = new TempDir();
        var corpus = Path.Combine(dir.Path, "corpus");
        var expected = CorpusGenerator.Generate(corpus, 60, seed: 5);
        var loaded = await LoadAsync(corpus, Path.Combine(dir.Path, "warehouse"));
        var plan = expected.Files.Where(f => f.Family == DocumentFamilies.PlanProgress).ToList();
        Assert.All(plan, f => Assert.True(loaded.ContainsKey(f.File), f.File + " not loaded"));
        Assert.All(plan, f => Assert.Equal(f.Counts.Items, loaded[f.File].Items));
        // Sections 3 (results of the year) and 4 (items added for the next year) each list every basic policy.
        Assert.All(plan, f => Assert.Equal(2 * f.Counts.PoliciesByLevel[0], loaded[f.File].Levels.ElementAtOrDefault(0)));
        Assert.All(plan, f => Assert.Equal(f.Counts.PoliciesByLevel[1], loaded[f.File].Levels.ElementAtOrDefault(1)));
        Assert.All(plan, f => Assert.Equal(f.Counts.AchievementRows, loaded[f.File].AchievementRows));
    }

    internal static FamilyDetector Detector()
    {
        var services = new ServiceCollection();
        services.AddBudgetWarehouse();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<FamilyDetector>();
    }

    private sealed record Loaded(int[] Levels, int Items, int Details, int AchievementRows);

    private static async Task<Dictionary<string, Loaded>> LoadAsync(string seeds, string warehouse)
    {
        var options = Options.Create(new WarehouseOptions { Seeds = seeds, Warehouse = warehouse });
        var services = new ServiceCollection();
        services.AddBudgetWarehouse();
        services.AddSingleton<IOptions<WarehouseOptions>>(options);
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        var outcome = await provider.GetRequiredService<LoadPipeline>().RunAsync(CancellationToken.None);
        Assert.NotNull(outcome.SnapshotId);

        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(warehouse, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var levels = (await connection.QueryAsync<(string File, int Level, long N)>(
            "select d.file_name, p.level, count(*) from dim_policy p join dim_document d using (document_id) group by all")).ToList();
        var initiatives = (await connection.QueryAsync<(string File, string Kind, long N)>(
            "select d.file_name, i.kind, count(*) from fact_initiative i join dim_document d using (document_id) group by all")).ToList();
        var files = await connection.QueryAsync<string>("select file_name from dim_document");
        var hasAchievements = await connection.ExecuteScalarAsync<long>("select count(*) from duckdb_tables() where table_name = 'fact_plan_achievement'") > 0;
        var achievements = hasAchievements
            ? (await connection.QueryAsync<(string File, long N)>("select d.file_name, count(*) from fact_plan_achievement a join dim_document d using (document_id) group by all")).ToDictionary(a => a.File, a => (int)a.N)
            : [];
        return files.ToDictionary(f => f, f =>
        {
            var byLevel = levels.Where(l => l.File == f).ToDictionary(l => l.Level, l => (int)l.N);
            var max = byLevel.Count == 0 ? 0 : byLevel.Keys.Max();
            int Kind(string k) => (int)initiatives.Where(i => i.File == f && i.Kind == k).Sum(i => i.N);
            return new Loaded([.. Enumerable.Range(1, max).Select(l => byLevel.GetValueOrDefault(l))], Kind(InitiativeKinds.Item), Kind(InitiativeKinds.Detail), achievements.GetValueOrDefault(f));
        }, StringComparer.Ordinal);
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(root, p).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
