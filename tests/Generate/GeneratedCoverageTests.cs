using BudgetWarehouse.Bench.Generate;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Options;
using BudgetWarehouse.Loader.Pipeline;
using BudgetWarehouse.Loader.Verbs;
using BudgetWarehouse.Models;
using Dapper;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BudgetWarehouse.Tests.Generate;

// Issue 20: a generated corpus (every construct the generator draws) loads with every budget line accounted for.
public class GeneratedCoverageTests
{
    [Fact]
    public async Task GeneratedBudgetDocumentsAreUnderstoodLineByLine()
    {
        using var dir = new TempDir();
        var corpus = Path.Combine(dir.Path, "corpus");
        var warehouse = Path.Combine(dir.Path, "warehouse");
        var expected = CorpusGenerator.Generate(corpus, 120, seed: 20);
        var options = Options.Create(new WarehouseOptions { Seeds = corpus, Warehouse = warehouse });
        var services = new ServiceCollection();
        services.AddBudgetWarehouse();
        services.AddSingleton<IOptions<WarehouseOptions>>(options);
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        var outcome = await provider.GetRequiredService<LoadPipeline>().RunAsync(CancellationToken.None);

        Assert.Equal(0, outcome.Rejected);
        Assert.DoesNotContain(outcome.Documents, d => d.Warnings is { } w && w.Contains("not loaded", StringComparison.Ordinal) && d.Family == DocumentFamilies.BudgetPriorities);
        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(warehouse, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var coverage = (await connection.QueryAsync<(string File, double? Coverage, long Lines)>(
            "select d.file_name, d.coverage, count(l.source_line) from dim_document d left join fact_source_line l using (document_id) " +
            "where d.family = 'budget_priorities' group by all")).ToList();
        Assert.Equal(expected.Families[DocumentFamilies.BudgetPriorities].Documents, coverage.Count);
        Assert.All(coverage, c => Assert.True(c.Coverage >= 0.99, $"{c.File}: coverage {c.Coverage}"));
        Assert.All(coverage, c => Assert.True(c.Lines > 0, c.File + ": no source lines"));

        // Projects printed as table rows under a 担当課 header (tab, ideographic spaces or pipes) and as unbulleted
        // "name amount千円" lines: every row is an item named by its project, with its amount and (in a table) its department.
        var projects = (await connection.QueryAsync<(string Role, string? Item, long Amounts, string? Method)>("""
            select l.role, i.text, (select count(*) from fact_measure m where m.initiative_id = i.initiative_id and m.role = 'value'), i.department_method
            from v_source_line l left join fact_initiative i using (initiative_id)
            where regexp_matches(l.text, '事業[\t　|]') and regexp_matches(l.text, '[0-9],[0-9]{3}')
            """)).ToList();
        Assert.Contains(projects, p => p.Method == "explicit");
        Assert.Contains(projects, p => p.Method != "explicit");
        Assert.All(projects, p => Assert.True(p.Role == "item" && (p.Item!.EndsWith("事業", StringComparison.Ordinal) || p.Item.EndsWith("千円", StringComparison.Ordinal)), $"{p.Role} {p.Item}"));
        Assert.All(projects, p => Assert.Equal(1, p.Amounts));

        var variants = string.Join(' ', expected.Files.Select(f => f.Variants));
        foreach (var v in new[] { "overview", "amounts", "site-chrome", "label", "angle" })
        {
            Assert.Contains(v, variants, StringComparison.Ordinal);
        }
    }
}
