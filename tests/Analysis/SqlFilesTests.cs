using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// Every SQL file of the repository: sql/schema applies to an empty database with a comment on every table and
/// column, every view of sql/views binds, every query of sql/queries runs, every data test of sql/tests returns
/// no row after the seeds (and the lineage fixture) load.
/// </summary>
[Collection("seed warehouse")]
public sealed class SqlFilesTests(WarehouseFixture seeds, LineageWarehouseFixture lineage)
{
    public static TheoryData<string> Views => Names("views");

    public static TheoryData<string> Queries => Names("queries");

    public static TheoryData<string> DataTestFiles => Names("tests");

    [Fact]
    public async Task SchemaAppliesToAnEmptyDatabaseWithCommentsOnEveryTableAndColumn()
    {
        using var dir = new TempDir();
        await using var connection = new DuckDBConnection($"Data Source={Path.Combine(dir.Path, "empty.duckdb")}");
        await connection.OpenAsync();
        var skipped = await SqlScripts.RunFolderAsync(connection, "schema", CancellationToken.None);
        Assert.Empty(skipped);
        var uncommentedTables = await connection.QueryAsync<string>("select table_name from duckdb_tables() where coalesce(comment, '') = ''");
        Assert.Empty(uncommentedTables);
        var uncommentedColumns = await connection.QueryAsync<string>(
            "select table_name || '.' || column_name from duckdb_columns() where coalesce(comment, '') = '' and table_name in (select table_name from duckdb_tables())");
        Assert.Empty(uncommentedColumns);
        Assert.Contains("bridge_initiative_lineage", await SqlRequirements.RelationsAsync(connection, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task EveryViewBindsAndStatesItsGrain(string file)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "views", file + ".sql"));
        Assert.StartsWith("-- ", sql, StringComparison.Ordinal);
        var name = SqlRequirements.CreatedView(sql);
        Assert.NotNull(name);
        await using var connection = await seeds.Warehouse.OpenAsync();
        var result = await QueryRunner.RunAsync(connection, $"select * from {name} limit 0", CancellationToken.None);
        Assert.NotEmpty(result.Columns);
        Assert.DoesNotContain(result.Types, t => t == "HUGEINT");
    }

    [Theory]
    [InlineData("v_initiative")]
    [InlineData("v_measure")]
    [InlineData("v_milestone_calendar")]
    [InlineData("v_theme_year")]
    [InlineData("v_plan_achievement")]
    [InlineData("v_initiative_yoy")]
    public async Task SemanticViewsStateTheirGrainInTheFileAndInTheCatalog(string name)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "views", name + ".sql"));
        Assert.StartsWith($"-- {name}: one row per ", sql, StringComparison.Ordinal);
        Assert.Equal(name, SqlRequirements.CreatedView(sql));
        await using var connection = await seeds.Warehouse.OpenAsync();
        var comment = await connection.ExecuteScalarAsync<string?>("select comment from duckdb_views() where view_name = $n", new { n = name });
        Assert.StartsWith("One row per ", comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoaderSkipsExactlyTheViewsWhoseTablesAreMissingAndSaysWhich()
    {
        await using var connection = await WarehouseDatabase.OpenReadOnlyAsync(seeds.Warehouse.LoadedDatabase, CancellationToken.None);
        var present = await SqlRequirements.RelationsAsync(connection, CancellationToken.None);
        foreach (var file in SqlScripts.Files("views"))
        {
            var sql = await File.ReadAllTextAsync(file);
            var name = SqlRequirements.CreatedView(sql) ?? Path.GetFileNameWithoutExtension(file);
            var missing = SqlRequirements.Missing(sql, present);
            Assert.True(missing.Count == 0 == present.Contains(name), $"{name}: missing [{string.Join(", ", missing)}], view present: {present.Contains(name)}");
            if (missing.Count > 0)
            {
                Assert.Contains(missing[0], SqlRequirements.SkipReason(missing), StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryQueryRunsAndStatesItsQuestion(string name)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "queries", name + ".sql"));
        Assert.StartsWith("-- ", sql, StringComparison.Ordinal);
        foreach (var w in new[] { seeds.Warehouse, lineage.Warehouse })
        {
            await using var connection = await w.OpenAsync();
            var result = await QueryRunner.RunAsync(connection, sql, CancellationToken.None);
            Assert.NotEmpty(result.Columns);
        }
    }

    [Fact]
    public void TheExampleQueriesStateTheirQuestionAndOrderTheirRows()
    {
        var mine = Directory.EnumerateFiles(Path.Combine(TestPaths.Sql, "queries"), "??_*.sql").ToList();
        Assert.True(mine.Count >= 8, $"{mine.Count} example queries");
        foreach (var file in mine)
        {
            var sql = File.ReadAllText(file);
            Assert.StartsWith("-- Question: ", sql, StringComparison.Ordinal);
            Assert.Contains("order by", sql, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [MemberData(nameof(DataTestFiles))]
    public async Task EveryDataTestReturnsNoRowAfterTheSeedsLoad(string name)
    {
        foreach (var w in new[] { seeds.Warehouse, lineage.Warehouse })
        {
            var results = await w.DataTestResultsAsync();
            var result = Assert.Single(results, r => r.Name == name);
            var report = new StringWriter();
            DataTests.Report([result], report);
            Assert.True(result.Status == DataTestStatus.Pass, report.ToString());
        }
    }

    private static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(Path.Combine(TestPaths.Sql, folder), "*.sql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(f));
        }

        return data;
    }
}
