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

/// <summary>Generated plan-progress reports (every status shape the generator draws) load with every line accounted for.</summary>
public class GeneratedPlanCoverageTests
{
    [Fact]
    public async Task GeneratedPlanReportsAreUnderstoodLineByLine()
    {
        using var dir = new TempDir();
        var corpus = Path.Combine(dir.Path, "corpus");
        var warehouse = Path.Combine(dir.Path, "warehouse");
        var expected = CorpusGenerator.Generate(corpus, 60, seed: 14);
        var services = new ServiceCollection();
        services.AddBudgetWarehouse();
        services.AddSingleton<IOptions<WarehouseOptions>>(Options.Create(new WarehouseOptions { Seeds = corpus, Warehouse = warehouse }));
        services.AddLogging();
        await using var provider = services.BuildServiceProvider();
        var outcome = await provider.GetRequiredService<LoadPipeline>().RunAsync(CancellationToken.None);

        Assert.Equal(0, outcome.Rejected);
        Assert.DoesNotContain(outcome.Documents, d => d.Family == DocumentFamilies.PlanProgress && d.Warnings is { } w && w.Contains("not loaded", StringComparison.Ordinal));
        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(warehouse, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await connection.OpenAsync();
        var coverage = (await connection.QueryAsync<(string File, double? Coverage, long Lines)>(
            "select d.file_name, d.coverage, count(l.source_line) from dim_document d left join fact_source_line l using (document_id) " +
            "where d.family = 'plan_progress' group by all")).ToList();
        Assert.Equal(expected.Families[DocumentFamilies.PlanProgress].Documents, coverage.Count);
        Assert.All(coverage, c => Assert.True(c.Coverage >= 0.99, $"{c.File}: coverage {c.Coverage}"));
        Assert.All(coverage, c => Assert.True(c.Lines > 0, c.File + ": no source lines"));

        // Every transition line the generator printed (A←B:2件(No3,14)) is a fact_plan_transition row.
        var transitions = (await connection.QueryAsync<(string File, long Printed, long Loaded)>(
            "select d.file_name, (select count(*) from fact_source_line l where l.document_id = d.document_id and l.text like '%←%件%'), " +
            "(select count(*) from fact_plan_transition t where t.document_id = d.document_id) from dim_document d where d.family = 'plan_progress'")).ToList();
        Assert.Contains(transitions, t => t.Printed > 0);
        Assert.All(transitions, t => Assert.True(t.Printed == t.Loaded, $"{t.File}: {t.Printed} transition line(s), {t.Loaded} row(s)"));

        // Changes printed in a 増減 column (unsigned for an increase, ▲ for a decrease) add up to zero in each row
        // the generator writes, and the tab-separated table with that column is among them.
        var changes = (await connection.QueryAsync<(string Id, long Sum, bool Tab)>(
            "select s.achievement_id, sum(s.status_change), bool_or(l.text like '%' || chr(9) || '%') from fact_plan_status s " +
            "left join fact_source_line l on l.document_id = s.document_id and l.source_line = s.source_line " +
            "where s.status_change is not null group by all")).ToList();
        Assert.Contains(changes, c => c.Tab);
        Assert.All(changes, c => Assert.True(c.Sum == 0, $"{c.Id}: changes add up to {c.Sum}"));
    }
}
