using Dapper;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>Two years of one city whose later document repeats the earlier one's reorganisations.</summary>
public class RestatedReorganisationTests
{
    [Fact]
    public async Task ALaterYearRepeatingAReorganisationKeepsOneHistory()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path);
        var original = await File.ReadAllTextAsync(Path.Combine(seeds, "documents", TestPaths.SeedDocument("000_").Split('/')[^1]));
        await File.WriteAllTextAsync(Path.Combine(seeds, "documents", "next_year.txt"), original.Replace("令和元年度最終補正", "令和2年度最終補正", StringComparison.Ordinal));
        await File.AppendAllTextAsync(Path.Combine(seeds, "manifest.csv"), "next_year.txt,budget_priorities,金沢市,2021,\n");

        var outcome = await TestWarehouse.LoadAsync(seeds, Path.Combine(temp.Path, "warehouse"));
        Assert.True(outcome.ExitCode == 0, string.Join("\n", outcome.Documents.Select(d => $"{d.FileName} {d.Status} {d.Error}")) + outcome.Failure);
        using var db = TestWarehouse.OpenReadOnly(Path.Combine(temp.Path, "warehouse"));
        Assert.Equal(0L, db.ExecuteScalar<long>("select count(*) - count(distinct department_id) from dim_department"));
        var overlaps = db.ExecuteScalar<long>("""
            select count(*) from dim_department a join dim_department b
              on a.name = b.name and a.municipality is not distinct from b.municipality and a.department_id < b.department_id
             and coalesce(a.valid_from_fy, 0) <= coalesce(b.valid_to_fy, 9999) and coalesce(b.valid_from_fy, 0) <= coalesce(a.valid_to_fy, 9999)
            """);
        Assert.Equal(0L, overlaps);
        var centre = db.Query<int?>("select valid_from_fy from dim_department where name = '幼児教育センター' order by valid_from_fy").ToList();
        Assert.Equal(2020, centre[0]);
        Assert.Equal(2019, db.ExecuteScalar<int>("select max(valid_to_fy) from dim_department where name = '文化施設課'"));
    }
}
