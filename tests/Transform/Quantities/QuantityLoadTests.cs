using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Pipeline;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Transform.Quantities;

/// <summary>The seeds loaded once through the whole pipeline, shared by the tests of a class.</summary>
public sealed class LoadedSeedsFixture : IAsyncLifetime
{
    private readonly TempDir _dir = new();
    private DuckDBConnection? _db;

    public DuckDBConnection Db => _db ?? throw new InvalidOperationException("not loaded");

    public string Lake { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var seeds = Path.Combine(_dir.Path, "seeds");
        CopyDirectory(TestPaths.Seeds, seeds);
        var outcome = await TestWarehouse.LoadExactlyAsync(seeds, Path.Combine(_dir.Path, "warehouse"), [new("Warehouse:Parallelism", "1")], [new BudgetPrioritiesParser()]);
        Assert.NotNull(outcome.SnapshotId);
        var snapshot = Path.Combine(_dir.Path, "warehouse", "snapshots", outcome.SnapshotId);
        Lake = Path.Combine(snapshot, SnapshotStore.LakeFolder);
        _db = new DuckDBConnection($"Data Source={Path.Combine(snapshot, SnapshotStore.DatabaseFile)};ACCESS_MODE=READ_ONLY");
        await _db.OpenAsync();
    }

    public async Task DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _dir.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>fact_measure and fact_milestone of the loaded seeds, checked in DuckDB.</summary>
public sealed class QuantityLoadTests(LoadedSeedsFixture seeds) : IClassFixture<LoadedSeedsFixture>
{
    private DuckDBConnection Db => seeds.Db;

    private const string Budget = "(select document_id from dim_document where file_name like '000_%')";

    [Fact]
    public void SixMoneyRowsWithTheirComponents()
    {
        var rows = Db.Query<(long Yen, string Role, string? Label, long? ParentYen)>($"""
            select m.amount_yen, m.role, m.label, p.amount_yen
            from fact_measure m left join fact_measure p on p.measure_id = m.parent_measure_id
            where m.document_id = {Budget} and m.unit = 'JPY'
            order by m.source_line, m.measure_id
            """).ToList();
        Assert.Equal(
        [
            (27_100_000_000L, "value", "公共事業規模", null),
            (1_000_000_000L, "value", "市債の計画的な繰上償還", null),
            (500_000_000L, "component", "最終補正", 1_000_000_000L),
            (1_000_000_000L, "value", "基金の計画的な積み立て", null),
            (600_000_000L, "component", "教育福祉施設等再整備積立基金", 1_000_000_000L),
            (400_000_000L, "component", "文化スポーツ施設再整備積立基金", 1_000_000_000L),
        ], rows.Select(r => (r.Yen, r.Role, r.Label, r.ParentYen)));

        // Both 6億 and 4億 belong to the fund amount on line 534, not to the redemption on line 533.
        Assert.Equal(534, Db.ExecuteScalar<int>($"""
            select distinct p.source_line from fact_measure m join fact_measure p on p.measure_id = m.parent_measure_id
            where m.document_id = {Budget} and m.amount_yen in (600000000, 400000000)
            """));
    }

    [Fact]
    public void FourPercentRows()
    {
        var rows = Db.Query<(double Value, string Role, string Label)>($"""
            select value, role, label from fact_measure
            where document_id = {Budget} and unit = 'percent' order by source_line, measure_id
            """);
        Assert.Equal(
        [
            (5.4, "value", "実質公債費比率"),
            (18.0, "threshold", "実質公債費比率"),
            (9.1, "value", "市債依存度"),
            (10.2, "benchmark", "市債依存度"),
        ], rows);
    }

    [Fact]
    public void CountsAndNoOrdinalsOrNames()
    {
        var counts = Db.Query<(double Value, string Counter)>($"select value, counter from fact_measure where document_id = {Budget} and unit = 'count'").ToList();
        Assert.Contains((3.0, "クラブ"), counts);
        Assert.Contains((2.0, "施設"), counts);
        Assert.Equal(2, counts.Count);
        Assert.Equal(0, Db.ExecuteScalar<long>("""
            select count(*) from fact_measure
            where raw_text like '%第%' or raw_text like '%周年%' or raw_text like '%世紀%' or raw_text like '%プラン%'
               or raw_text like '%歳%' or raw_text like '%年%' or raw_text like '%期%' or raw_text like '%次%'
            """));
    }

    [Fact]
    public void ThirtyTwoMilestones()
    {
        // The dated schedule phrases of 000_…, read line by line (line: event, date):
        //  13 開設 令和3年春 (planned)          24 分譲開始 令和3年度 (planned)     25 分譲開始 令和3年度 (planned)
        //  66 完成 令和3年3月 (planned)         71 完成 令和3年秋 (planned)         78 供用開始 令和3年3月 (planned)
        //  96 施行 令和2年7月 (条例施行)        100 開設 令和2年4月 (planned)       101 運営開始 令和2年3月
        // 136 完成 令和5年度 (planned)         145 開催 令和2年10月25日            167 開催 令和2年10月3日、4日
        // 178 開催 令和2年8月29日、30日        179 開催 令和2年8月11日             185 オープン 令和3年9月 (planned)
        // 198 開館 令和2年7月 (planned)        206 完成 令和4年度 (planned)        222 完成 令和3年3月 (planned)
        // 303 完成 令和4年3月 (planned)        304 完成 令和4年3月 (planned)       305 完成 令和5年3月 (planned)
        // 306 供用開始 令和2年4月1日           308 完了 令和2年度中                321 完成 令和3年3月 (planned)
        // 328 完成 令和4年3月 (planned)        371 供用開始 令和4年春 (planned)    385 供用開始 令和2年5月
        // 431 開設 令和3年6月 (planned)        436 供用開始 令和2年10月            505 稼働 令和3年1月 (planned)
        // 506 供用開始 令和2年5月              507 完成 令和4年3月 (planned)
        // Not milestones: line 54 (令和元年度最終補正予算 names a budget), and the two deadlines, line 282
        // (配置（令和5年度まで）) and line 419 (一斉更新（令和3年度までに）), which bound an activity
        // rather than date an event.
        var lines = Db.Query<int>($"select source_line from fact_milestone where document_id = {Budget} order by source_line").ToList();
        Assert.Equal(
            [13, 24, 25, 66, 71, 78, 96, 100, 101, 136, 145, 167, 178, 179, 185, 198, 206, 222, 303, 304, 305, 306, 308, 321, 328, 371, 385, 431, 436, 505, 506, 507],
            lines);
    }

    [Theory]
    [InlineData(145, "開催", "2020-10-25", "2020-10-25", "day", false)]
    [InlineData(167, "開催", "2020-10-03", "2020-10-04", "day", false)]
    [InlineData(13, "開設", "2021-03-01", "2021-05-31", "season", true)]
    [InlineData(24, "分譲開始", "2021-04-01", "2022-03-31", "fiscal_year", true)]
    [InlineData(385, "供用開始", "2020-05-01", "2020-05-31", "month", false)]
    public void MilestoneDetails(int line, string evt, string start, string end, string precision, bool planned)
    {
        var row = Db.QuerySingle<(string Event, DateTime Start, DateTime End, string Precision, bool Planned)>($"""
            select event, start_date, end_date, precision, is_planned from fact_milestone
            where document_id = {Budget} and source_line = {line}
            """);
        Assert.Equal((evt, DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture), precision, planned), row);
    }

    [Fact]
    public void ReadmeExampleQueriesRun()
    {
        // As in docs/analysis.md, restricted to the budget seed so that other documents do not change the sums.
        var pillars = Db.Query<(string Pillar, long Yen)>($"""
            select p.pillar_title, sum(m.amount_yen)::bigint as yen
            from fact_measure m join dim_policy p using (policy_id)
            where m.unit = 'JPY' and m.role = 'value' and m.document_id = {Budget} group by all order by yen desc
            """).ToList();
        Assert.Equal(27_100_000_000L + 2_000_000_000L, pillars.Sum(p => p.Yen));
        Assert.Equal(32, Db.Query($"""
            select m.target_fiscal_year, m.event, m.start_date, m.end_date, m.precision, m.is_planned, i.text
            from fact_milestone m join fact_initiative i using (initiative_id)
            where m.document_id = {Budget}
            order by m.start_date
            """).Count());
    }

    [Fact]
    public void FactsCarryTheirInitiativesKeys()
    {
        Assert.Equal(0, Db.ExecuteScalar<long>("""
            select count(*) from fact_measure m join fact_initiative i using (initiative_id)
            where m.department_id <> i.department_id or m.policy_id is distinct from i.policy_id or m.fiscal_year <> i.fiscal_year
            """));
        Assert.Equal(0, Db.ExecuteScalar<long>("select count(*) from fact_milestone m anti join fact_initiative i using (initiative_id)"));
    }

    [Fact]
    public void FiscalYearDimensionCoversEveryMilestoneYear()
    {
        Assert.Equal(0, Db.ExecuteScalar<long>("""
            select count(*) from fact_milestone m anti join dim_fiscal_year d on d.fiscal_year = m.target_fiscal_year
            """));
        Assert.Equal(0, Db.ExecuteScalar<long>("""
            select count(*) from fact_milestone m anti join dim_fiscal_year d
                on m.end_date between d.start_date and d.end_date
            """));
        Assert.Contains(2023, Db.Query<int>("select fiscal_year from dim_fiscal_year"));
    }

    [Fact]
    public void TablesAreCommentedAndInTheLake()
    {
        foreach (var table in (string[])["fact_measure", "fact_milestone"])
        {
            Assert.False(string.IsNullOrWhiteSpace(Db.ExecuteScalar<string>($"select comment from duckdb_tables() where table_name = '{table}'")));
            Assert.Equal(0, Db.ExecuteScalar<long>($"select count(*) from duckdb_columns() where table_name = '{table}' and (comment is null or comment = '')"));
            Assert.True(Directory.Exists(Path.Combine(seeds.Lake, table, "fiscal_year=2020")), table);
        }
    }
}
