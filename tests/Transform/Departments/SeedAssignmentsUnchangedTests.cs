using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>
/// The seed city's department assignments, one line per initiative (file, seq, kind, unit, method), held to the
/// list written before departments named in the page were read: reading page mentions must not move any of them.
/// Regenerate on purpose only (BW_REGENERATE_GOLDEN=1), then read the diff line by line.
/// </summary>
public class SeedAssignmentsUnchangedTests
{
    private static readonly string Expected = Path.Combine(TestPaths.RepoRoot, "tests", "Transform", "Departments", "seed_department_assignments.tsv");

    [Fact]
    public async Task EveryInitiativeOfTheSeedsKeepsItsDepartmentAndMethod()
    {
        using var tmp = new TempDir();
        var warehouse = Path.Combine(tmp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse);
        Assert.NotNull(outcome.SnapshotId);
        await using var db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await db.OpenAsync();
        var rows = await db.QueryAsync<(string, int, string, string, string)>(
            "select d.file_name, f.seq, f.kind, m.name, f.department_method from fact_initiative f join dim_document d using (document_id) "
            + "join dim_department m using (department_id) order by d.file_name, f.seq");
        var actual = rows.Select(r => $"{r.Item1}\t{r.Item2}\t{r.Item3}\t{r.Item4}\t{r.Item5}").ToList();
        if (Environment.GetEnvironmentVariable("BW_REGENERATE_GOLDEN") == "1")
        {
            await File.WriteAllLinesAsync(Expected, ["file\tseq\tkind\tdepartment\tmethod", .. actual]);
        }

        var expected = (await File.ReadAllLinesAsync(Expected)).Skip(1).ToList();
        Assert.True(expected.Count > 300, $"{expected.Count} expected rows");
        Assert.Equal(expected, actual);
    }
}
