using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Dapper;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// The lake for any DuckDB user: a session that runs parquet/views.sql sees the same tables (same columns in the
/// same order) and the same semantic views as budget.duckdb, and every query of sql/queries gives the same
/// result on both.
/// </summary>
[Collection("seed warehouse")]
public sealed class LakeEquivalenceTests(WarehouseFixture seeds, LineageWarehouseFixture lineage)
{
    public static TheoryData<string> Queries
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var f in SqlScripts.Files("queries"))
            {
                data.Add(Path.GetFileNameWithoutExtension(f));
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryQueryGivesTheSameResultOnTheDatabaseAndOnTheLake(string name)
    {
        var sql = await File.ReadAllTextAsync(Path.Combine(SqlScripts.Root, "queries", name + ".sql"));
        foreach (var warehouse in new[] { seeds.Warehouse, lineage.Warehouse })
        {
            await using var db = await warehouse.OpenAsync();
            await using var lake = await warehouse.OpenLakeAsync();
            var expected = await QueryRunner.RunAsync(db, sql, CancellationToken.None);
            var actual = await QueryRunner.RunAsync(lake, sql, CancellationToken.None);
            Assert.Equal(expected.Columns, actual.Columns);
            Assert.Equal(expected.Types, actual.Types);
            Assert.Equal(Render(expected), Render(actual));

            // The same on the snapshot as published (budget.duckdb and parquet/ of WAREHOUSE/current), whenever
            // this build loads every table the query needs.
            await using var publishedDb = await WarehouseDatabase.OpenReadOnlyAsync(warehouse.LoadedDatabase, CancellationToken.None);
            if (SqlRequirements.Missing(sql, await SqlRequirements.RelationsAsync(publishedDb, CancellationToken.None)).Count == 0)
            {
                await using var publishedLake = await warehouse.OpenLakeAsync(published: true);
                Assert.Equal(Render(await QueryRunner.RunAsync(publishedDb, sql, CancellationToken.None)),
                    Render(await QueryRunner.RunAsync(publishedLake, sql, CancellationToken.None)));
            }
        }
    }

    [Fact]
    public async Task TheLakeHasEveryTableAndViewWithTheSameColumns()
    {
        await using var db = await seeds.Warehouse.OpenAsync();
        await using var lake = await seeds.Warehouse.OpenLakeAsync();
        const string Columns = "select table_name || '.' || column_name || ' ' || data_type from duckdb_columns() where schema_name = 'main' and database_name = current_database() order by table_name, column_index";
        var inDb = (await db.QueryAsync<string>(Columns)).ToList();
        var inLake = (await lake.QueryAsync<string>(Columns)).ToList();
        Assert.Equal(inDb, inLake);
        Assert.Contains(inLake, c => c.StartsWith("v_initiative.lineage_id ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheLakeCanBeReadFromAnotherFolder()
    {
        using var dir = new TempDir();
        var moved = Path.Combine(dir.Path, "lake");
        CopyDirectory(seeds.Warehouse.Lake, moved);
        await using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await connection.ExecuteAsync($"set variable bw_lake = '{moved.Replace("'", "''", StringComparison.Ordinal)}'");
        await connection.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(moved, ParquetExporter.ViewsFile)));
        await using var db = await seeds.Warehouse.OpenAsync();
        var expected = await db.ExecuteScalarAsync<long>("select count(*) from fact_initiative");
        Assert.True(expected > 0);
        Assert.Equal(expected, await connection.ExecuteScalarAsync<long>("select count(*) from v_initiative"));
    }

    // Rows compared as a sorted list: a query that leaves ties unordered may list them differently on each side.
    private static string Render(QueryResult result) =>
        string.Join("\n", result.Rows.Select(r => string.Join(" | ", r.Select(QueryRunner.Text))).Order(StringComparer.Ordinal));

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
