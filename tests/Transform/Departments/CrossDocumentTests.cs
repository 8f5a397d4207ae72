using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>A reorganisation stated in one year's document applies to the facts of another year's document.</summary>
public class CrossDocumentTests
{
    [Fact]
    public async Task ALaterDocumentsFactsPointAtTheRowValidInTheirYear()
    {
        using var tmp = new TempDir();
        var seeds = Path.Combine(tmp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.WriteAllText(Path.Combine(seeds, "documents", "a2020.txt"),
            "令和2年度 予算の重点\n\n1 にぎわいのあるまち\n\n(1) 観光\n\n- ・観光課と物産課を「観光課」に改編し、誘客を強化\n- ・新たな観光ルートを開発\n");
        File.WriteAllText(Path.Combine(seeds, "documents", "b2022.txt"),
            "令和4年度 予算の重点\n\n1 にぎわいのあるまち\n\n(1) 観光\n\n- ・観光案内所を拡充\n- ・物産展を開催\n");
        File.WriteAllText(Path.Combine(seeds, "manifest.csv"),
            "file,family,municipality,fiscal_year,title\na2020.txt,budget_priorities,市A,2020,\nb2022.txt,budget_priorities,市A,2022,\n");
        ReferenceFiles.Write(seeds,
            ("departments.csv", [ReferenceFiles.DirectoryHeader, "市A,経済局,局,,,,", "市A,観光課,課,経済局,,,", "市A,物産課,課,経済局,,,"]),
            ("department_rules.csv", [ReferenceFiles.RulesHeader, "R1,市A,観光,観光課,30,text,", "R2,市A,物産,物産課,30,text,"]));

        var warehouse = Path.Combine(tmp.Path, "warehouse");
        var outcome = await ReferenceFiles.LoadAsync(seeds, warehouse);
        Assert.Equal(0, outcome.ExitCode);

        await using var db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await db.OpenAsync();
        var facts = (await db.QueryAsync<(int, string, string, int?, string, string)>(
            "select f.fiscal_year, f.text, d.name, d.valid_from_fy, f.department_method, f.department_evidence from fact_initiative f join dim_department d using (department_id) order by f.fiscal_year, f.seq")).ToList();

        var guide = Assert.Single(facts, f => f.Item2 == "観光案内所を拡充");
        Assert.Equal(("観光課", 2020, "rule"), (guide.Item3, guide.Item4, guide.Item5));
        Assert.Contains("re-keyed", guide.Item6, StringComparison.Ordinal);

        var fair = Assert.Single(facts, f => f.Item2 == "物産展を開催");
        Assert.Equal(("(不明)", "none"), (fair.Item3, fair.Item5));
        Assert.Contains("another document ends 物産課 before FY2022", fair.Item6, StringComparison.Ordinal);

        var route = Assert.Single(facts, f => f.Item2 == "新たな観光ルートを開発");
        Assert.Equal(("観光課", 2020), (route.Item3, route.Item4));
        Assert.DoesNotContain("re-keyed", route.Item6, StringComparison.Ordinal);

        Assert.Empty(await db.QueryAsync(await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "tests", "department_key_exists.sql"))));
    }
}
