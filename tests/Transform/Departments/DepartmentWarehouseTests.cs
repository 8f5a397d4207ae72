using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>The seeds loaded into a temporary warehouse: coverage, history, themes, data tests and the hand review.</summary>
public partial class DepartmentWarehouseTests : IAsyncLifetime
{
    private readonly TempDir _tmp = new();
    private DuckDBConnection _db = null!;

    public async Task InitializeAsync()
    {
        var warehouse = Path.Combine(_tmp.Path, "warehouse");
        var outcome = await ReferenceFiles.LoadAsync(TestPaths.Seeds, warehouse);
        Assert.NotNull(outcome.SnapshotId);
        _db = new DuckDBConnection($"Data Source={Path.Combine(new SnapshotStore(warehouse).CurrentSnapshotDir!, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await _db.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        _tmp.Dispose();
    }

    [Fact]
    public async Task AtLeastNinetyPercentOfInitiativesHaveADepartmentAndAllHaveEvidence()
    {
        var (total, known, noEvidence) = await _db.QuerySingleAsync<(long, long, long)>(
            "select count(*), count(*) filter (where department_id <> 'unknown'), count(*) filter (where coalesce(department_evidence, '') = '') from fact_initiative");
        Assert.True(total > 300, $"{total} initiatives");
        Assert.True(known >= 0.9 * total, $"{known} of {total} assigned");
        Assert.Equal(0, noEvidence);
        var coverage = await _db.QuerySingleAsync<(long, long, long, long)>(
            "select initiatives, explicit_count, rule_count, unknown_count from v_department_coverage");
        Assert.Equal(total, coverage.Item1);
        Assert.Equal(total, coverage.Item2 + coverage.Item3 + coverage.Item4);
        Assert.True(coverage.Item2 >= 5);
        Assert.Equal(coverage.Item4, await _db.ExecuteScalarAsync<long>("select count(*) from v_department_unknown"));
    }

    [Theory]
    [InlineData("文化施設課", null, 2019)]
    [InlineData("リサイクル推進課", null, 2019)]
    [InlineData("環境指導課", null, 2019)]
    [InlineData("福祉局", null, 2020)]
    [InlineData("保健局", null, 2020)]
    [InlineData("福祉健康局", 2021, null)]
    [InlineData("ごみ減量推進課", 2020, null)]
    public async Task DepartmentHistoryShowsTheReorganisations(string name, int? from, int? to)
    {
        var rows = (await _db.QueryAsync<(int?, int?)>("select valid_from_fy, valid_to_fy from dim_department where name = $name order by valid_from_fy nulls first", new { name })).ToList();
        Assert.Contains((from, to), rows);
    }

    [Fact]
    public async Task CulturePolicyDivisionIsSplitAt2020AndTheNewCentreSitsUnderTheChildrensDepartment()
    {
        var culture = (await _db.QueryAsync<(int?, int?, string)>("select valid_from_fy, valid_to_fy, source from dim_department where name = '文化政策課' order by valid_from_fy nulls first")).ToList();
        Assert.Equal([(null, 2019, "reference"), (2020, null, "document")], culture);
        var centre = await _db.QueryFirstAsync<(string, string, int)>(
            "select parent, bureau, valid_from_fy from dim_department where name = '幼児教育センター' and valid_from_fy = 2020");
        Assert.Equal(("こども未来部", "こども未来部", 2020), centre);
        Assert.Equal(1, await _db.ExecuteScalarAsync<long>("select count(*) from dim_department where department_id = 'unknown'"));
        Assert.Equal("総務局", await _db.ExecuteScalarAsync<string>("select bureau from dim_department where name = '財政課'"));
    }

    [Fact]
    public async Task ExplicitAssignmentsCarryTheSentence()
    {
        var evidence = await _db.ExecuteScalarAsync<string>(
            "select f.department_evidence from fact_initiative f join dim_department d using (department_id) where d.name = 'ごみ減量推進課' and f.department_method = 'explicit' and f.kind = 'item'");
        Assert.Contains("リサイクル推進課と環境指導課を「ごみ減量推進課」に改編", evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryPolicyNodeHasAThemeWithEvidenceAndTheSeedUsesAtLeastEightThemes()
    {
        Assert.Equal(0, await _db.ExecuteScalarAsync<long>("select count(*) from dim_policy where theme is null or theme_evidence is null"));
        var themes = (await _db.QueryAsync<string>("select distinct theme from dim_policy")).ToList();
        Assert.True(themes.Count >= 8, string.Join(", ", themes));
        Assert.DoesNotContain("その他", themes);
    }

    [Fact]
    public async Task DepartmentAndThemeDataTestsReturnNoRows()
    {
        foreach (var file in new[] { "department_key_exists.sql", "department_validity_no_overlap.sql", "department_evidence_present.sql", "policy_theme_present.sql", "fact_department_matches_initiative.sql" })
        {
            var sql = await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "tests", file));
            var rows = (await _db.QueryAsync(sql)).ToList();
            Assert.True(rows.Count == 0, $"{file}: {rows.Count} rows");
        }

        foreach (var file in new[] { "department_share_by_year.sql", "theme_items_by_year.sql" })
        {
            Assert.NotEmpty(await _db.QueryAsync(await File.ReadAllTextAsync(Path.Combine(TestPaths.Sql, "queries", file))));
        }
    }

    /// <summary>
    /// tests/Transform/Departments/department_review.md lists hand-checked assignments as table rows
    /// "| line | text | department | verdict | note |". The warehouse must still give each reviewed line the
    /// department the review saw, and at least 90 % of the verdicts must be "right".
    /// </summary>
    [Fact]
    public async Task TheHandReviewStillMatchesTheWarehouse()
    {
        var review = File.ReadAllLines(Path.Combine(TestPaths.RepoRoot, "tests", "Transform", "Departments", "department_review.md"))
            .Select(l => ReviewRow().Match(l)).Where(m => m.Success).ToList();
        Assert.True(review.Count >= 60, $"{review.Count} reviewed rows");
        var right = 0;
        foreach (var m in review)
        {
            var line = int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var name = await _db.ExecuteScalarAsync<string>(
                "select d.name from fact_initiative f join dim_department d using (department_id) join dim_document m using (document_id) where f.source_line_start = $line and m.file_name like '000!_%' escape '!'",
                new { line });
            Assert.True(name == m.Groups["dept"].Value.Trim(), $"line {line}: warehouse says {name}, review says {m.Groups["dept"].Value.Trim()}");
            right += m.Groups["verdict"].Value.Trim() == "right" ? 1 : 0;
        }

        Assert.True(right >= 0.9 * review.Count, $"{right} of {review.Count} right");
    }

    [GeneratedRegex(@"^\|\s*(?<line>\d+)\s*\|[^|]*\|(?<dept>[^|]+)\|(?<verdict>\s*(?:right|wrong|partly)\s*)\|")]
    private static partial Regex ReviewRow();
}
