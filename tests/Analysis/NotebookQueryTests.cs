using BudgetWarehouse.Loader.Report;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// Every query file the notebooks and the report run (sql/queries/nb_*.sql, report_*.sql) runs on the loaded
/// seeds, through the Parquet lake's views.sql (what the notebooks read) and the DuckDB file (what the
/// report reads), with the same rows. A query is skipped, naming the relation, only while a table or view it
/// reads is not in the warehouse at all.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed class NotebookQueryTests(WarehouseFixture seeds)
{
    public static TheoryData<string> QueryFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.Sql, "queries"), "*.sql")
                     .Select(Path.GetFileName).Where(f => f!.StartsWith("nb_", StringComparison.Ordinal) || f.StartsWith("report_", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(f!);
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(QueryFiles))]
    public async Task QueryRunsOnTheLakeAndTheDatabaseWithTheSameRows(string file)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "queries", file));
        Assert.StartsWith("-- Question:", sql, StringComparison.Ordinal);

        await using var db = new DuckDBConnection(seeds.ConnectionString);
        await db.OpenAsync();
        RequireRelations(sql, await QueryCatalog.RelationsAsync(db, default));
        var fromDb = await QueryRows.RunAsync(db, sql, default);

        await using var lake = await OpenLakeAsync(seeds.Lake);
        var fromLake = await QueryRows.RunAsync(lake, sql, default);

        Assert.Equal(Render(fromDb), Render(fromLake));
    }

    [SkippableFact]
    public async Task ThemeYearCountsEveryItemOnceExceptRelisted()
    {
        await using var db = await OpenAsync("nb_theme_year.sql", "report_initiatives_theme_year.sql");
        var items = await db.ExecuteScalarAsync<long>("select count(*) from fact_initiative where kind = 'item' and not is_relisted");
        Assert.True(items > 0);

        var nb = await QueryRows.RunAsync(db, QueryCatalog.Read("nb_theme_year.sql"), default);
        Assert.Equal(items, nb.Sum(r => r.Long("initiatives")));
        var report = await QueryRows.RunAsync(db, QueryCatalog.Read("report_initiatives_theme_year.sql"), default);
        Assert.Equal(items, report.Sum(r => r.Long("initiatives")));

        var newPrograms = await db.ExecuteScalarAsync<long>("select count(*) from fact_initiative where kind = 'item' and not is_relisted and is_new_program");
        Assert.Equal(newPrograms, nb.Sum(r => r.Long("new_programs")));

        // Year over year: the delta is this year's count minus the prior year's of the same theme.
        foreach (var r in nb.Where(r => r.Long("prior_initiatives") is not null))
        {
            Assert.Equal(r.Long("initiatives") - r.Long("prior_initiatives"), r.Long("initiatives_delta"));
        }
    }

    [SkippableFact]
    public async Task SourceLinesNumberEveryPrintedLineOfEveryInitiative()
    {
        await using var db = await OpenAsync("report_source_lines.sql", "nb_initiatives.sql");
        var lines = await QueryRows.RunAsync(db, QueryCatalog.Read("report_source_lines.sql"), default);
        var expected = await db.ExecuteScalarAsync<long>("select cast(sum(len(string_split(raw_text, chr(10)))) as bigint) from fact_initiative");
        Assert.Equal(expected, lines.Count);

        // Wrapped items: the numbered lines run from source_line_start to source_line_end of the item.
        var spans = (await db.QueryAsync<(string Id, int Start, int End)>(
            "select initiative_id, source_line_start, source_line_end from fact_initiative where kind = 'item'")).ToList();
        var byItem = lines.GroupBy(l => l.Text("initiative_id")!).ToDictionary(g => g.Key, g => g.Select(l => l.Long("line_no")!.Value).ToList());
        foreach (var (id, start, end) in spans)
        {
            var numbers = byItem[id];
            Assert.Equal(start, numbers.Min());
            Assert.Contains(end, numbers);
        }

        var items = await QueryRows.RunAsync(db, QueryCatalog.Read("nb_initiatives.sql"), default);
        Assert.Equal(spans.Count, items.Count);
        Assert.All(items, r => Assert.False(string.IsNullOrEmpty(r.Text("file_name"))));
    }

    [SkippableFact]
    public async Task MoneyTotalsSumValueAmountsOnly()
    {
        await using var db = await OpenAsync("nb_money_theme_pillar.sql", "report_money_pillar.sql");
        var expected = await db.ExecuteScalarAsync<long>("""
            select coalesce(cast(sum(m.amount_yen) as bigint), 0) from fact_measure m left join fact_initiative i using (initiative_id)
            where m.unit = 'JPY' and m.role = 'value' and not coalesce(i.is_relisted, false)
            """);
        var nb = await QueryRows.RunAsync(db, QueryCatalog.Read("nb_money_theme_pillar.sql"), default);
        var report = await QueryRows.RunAsync(db, QueryCatalog.Read("report_money_pillar.sql"), default);
        Assert.Equal(expected, nb.Sum(r => r.Long("amount_yen") ?? 0));
        Assert.Equal(expected, report.Sum(r => r.Long("amount_yen") ?? 0));
    }

    [SkippableFact]
    public async Task AsOfVariableFiltersUpcomingMilestones()
    {
        await using var db = await OpenAsync("report_upcoming_milestones.sql");
        var sql = QueryCatalog.Read("report_upcoming_milestones.sql");
        var byDocumentYear = await QueryRows.RunAsync(db, sql, default);
        await db.ExecuteAsync("set variable report_as_of = cast($d as date)", new { d = "2100-01-01" });
        Assert.Empty(await QueryRows.RunAsync(db, sql, default));
        await db.ExecuteAsync("set variable report_as_of = cast($d as date)", new { d = "1900-01-01" });
        var all = await QueryRows.RunAsync(db, sql, default);
        Assert.Equal(await db.ExecuteScalarAsync<long>("select count(*) from fact_milestone"), all.Count);
        Assert.True(byDocumentYear.Count <= all.Count);
    }

    [Fact]
    public void ReferencedRelationsIgnoreCtesAndTableFunctions()
    {
        var sql = """
            -- from fact_in_a_comment
            with a as (select * from fact_initiative), b as (select * from a join dim_policy using (policy_id))
            select * from b left join v_theme_year on true, read_parquet('x') cross join range(3) join bridge_initiative_lineage using (initiative_id)
            """;
        Assert.Equal(["bridge_initiative_lineage", "dim_policy", "fact_initiative", "v_theme_year"], QueryCatalog.ReferencedRelations(sql).Order(StringComparer.Ordinal));
    }

    /// <summary>An in-memory database over the lake, set up the way the notebooks do it: run views.sql.</summary>
    internal static async Task<DuckDBConnection> OpenLakeAsync(string lakeDir)
    {
        var lake = new DuckDBConnection("Data Source=:memory:");
        await lake.OpenAsync();
        await lake.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(lakeDir, "views.sql")));
        return lake;
    }

    private async Task<DuckDBConnection> OpenAsync(params string[] files)
    {
        var db = new DuckDBConnection(seeds.ConnectionString);
        await db.OpenAsync();
        var existing = await QueryCatalog.RelationsAsync(db, default);
        try
        {
            foreach (var f in files)
            {
                RequireRelations(QueryCatalog.Read(f), existing);
            }
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }

        return db;
    }

    // Every relation a notebook or report query reads must exist in the warehouse: a missing one fails.
    private static void RequireRelations(string sql, IReadOnlySet<string> existing)
    {
        var missing = QueryCatalog.Missing(sql, existing);
        Assert.True(missing.Count == 0, $"not in the loaded warehouse: {string.Join(", ", missing)}");
    }

    private static List<string> Render(IReadOnlyList<QueryRow> rows) =>
        [.. rows.Select(r => string.Join(" | ", r.Values.Select(kv => $"{kv.Key}={Format(kv.Value)}")))];

    private static string Format(object? v) => v switch
    {
        null => "∅",
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };
}
