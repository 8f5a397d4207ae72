using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Load;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// Cross-year lineage on tests/fixtures/lineage: two budget-priorities documents of 北山市 (FY2021, FY2022) whose
/// items recur with drifting wording, near-misses that share generic words, a relisting, and a third municipality
/// with identical texts that must stay apart.
/// </summary>
[Collection("seed warehouse")]
public sealed class LineageTests(LineageWarehouseFixture fixture)
{
    [Theory]
    [InlineData("北山外環状道路の整備を推進", "北山外環状道路海側幹線4期区間の整備を推進")]
    [InlineData("新しい交通システムの導入に向けた基本計画を策定", "新しい交通システムの導入に向けた実施設計に着手")]
    [InlineData("駅西広場の整備に着手", "駅西広場の整備を本格化(令和5年3月完成予定)")]
    [InlineData("第6回北山マラソンを開催(令和3年10月24日)", "第7回北山マラソンを開催(令和4年10月23日)")]
    [InlineData("いなほ工業団地の造成工事に着手", "いなほ工業団地の造成工事を推進")]
    [InlineData("児童クラブの新設を支援(3クラブ)", "児童クラブの新設を支援(2クラブ)")]
    [InlineData("子育て応援アプリを開発", "子育て応援アプリの機能を拡充")]
    public async Task TheSameUndertakingIsLinkedAcrossYears(string text2021, string text2022)
    {
        var (earlier, later) = await PairAsync(text2021, text2022);
        Assert.Equal(earlier.LineageId, later.LineageId);
        Assert.Equal(earlier.InitiativeId, later.PriorInitiativeId);
        Assert.Equal("first", earlier.LinkRule);
        Assert.Contains(later.LinkRule, new[] { "dice", "containment" });
    }

    [Theory]
    [InlineData("中央公園の整備を推進", "西部公園の整備を推進")]
    [InlineData("中小企業の経営基盤強化を支援", "中小企業の人材確保を支援")]
    [InlineData("いなほ工業団地の造成工事に着手", "いなほ工業団地の分譲を開始")]
    [InlineData("病児保育施設の整備を支援", "産後ケア事業を創設")]
    public async Task NearMissesAreNotLinked(string text2021, string text2022)
    {
        var (earlier, later) = await PairAsync(text2021, text2022);
        Assert.NotEqual(earlier.LineageId, later.LineageId);
        Assert.NotEqual(earlier.InitiativeId, later.PriorInitiativeId);
    }

    [Fact]
    public async Task LineagesStayWithinOneMunicipalityAndSkipRelistings()
    {
        await using var connection = await fixture.Warehouse.OpenAsync();
        var minamikawa = (await connection.QueryAsync<Link>(Select + " where b.municipality = '南川市'")).ToList();
        Assert.Equal(2, minamikawa.Count);
        Assert.All(minamikawa, l => Assert.Equal("first", l.LinkRule));
        var relisted = await connection.ExecuteScalarAsync<long>(
            "select count(*) from fact_initiative as i inner join bridge_initiative_lineage as b using (initiative_id) where i.is_relisted");
        Assert.Equal(0, relisted);
        var relistedInFacts = await connection.ExecuteScalarAsync<long>("select count(*) from fact_initiative where is_relisted");
        Assert.Equal(1, relistedInFacts);
    }

    [Fact]
    public async Task YearOverYearClassifiesNewContinuedAndDropped()
    {
        await using var connection = await fixture.Warehouse.OpenAsync();
        var rows = (await connection.QueryAsync<(string Status, string? Text, string? PriorText)>(
            "select status, text, prior_text from v_initiative_yoy where municipality = '北山市' and fiscal_year = 2022 and prior_fiscal_year = 2021 order by status, text, prior_text")).ToList();
        Assert.Equal(7, rows.Count(r => r.Status == "continued"));
        Assert.Equal(
            ["いなほ工業団地の分譲を開始", "中小企業の人材確保を支援", "産後ケア事業を創設", "西部公園の整備を推進"],
            rows.Where(r => r.Status == "new").Select(r => r.Text!).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["中央公園の整備を推進", "中小企業の経営基盤強化を支援", "病児保育施設の整備を支援"],
            rows.Where(r => r.Status == "dropped").Select(r => r.PriorText!).Order(StringComparer.Ordinal));
        // 南川市 has a single year: nothing to compare.
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("select count(*) from v_initiative_yoy where municipality = '南川市'"));
    }

    [Fact]
    public async Task DifferentThemesKeepSimilarTextsApartAndTheComputationIsRerunnable()
    {
        using var dir = new TempDir();
        var copy = Path.Combine(dir.Path, "copy.duckdb");
        File.Copy(fixture.Warehouse.Database, copy);
        await using var connection = new DuckDBConnection($"Data Source={copy}");
        await connection.OpenAsync();

        // On unchanged facts nothing is recomputed; recomputing everything gives the same rows.
        var before = await LinksAsync(connection);
        Assert.Equal((0, 0L), await LineageLoad.RefreshAsync(connection, 2, CancellationToken.None));
        await connection.ExecuteAsync("delete from bridge_initiative_lineage");
        Assert.Equal(2, (await LineageLoad.RefreshAsync(connection, 2, CancellationToken.None)).Series);
        Assert.Equal(before, await LinksAsync(connection));

        // The same marathon under policies of different themes is not the same undertaking.
        await connection.ExecuteAsync("""
            update dim_policy set theme = case when fiscal_year = 2021 then '観光・交流' else '文化・スポーツ' end
            where policy_id in (select policy_id from fact_initiative where text like '%北山マラソン%')
            """);
        await connection.ExecuteAsync("delete from bridge_initiative_lineage");
        await LineageLoad.RefreshAsync(connection, 2, CancellationToken.None);
        var marathon = (await connection.QueryAsync<Link>(Select + " where i.text like '%北山マラソン%' and not i.is_relisted order by b.fiscal_year")).ToList();
        Assert.Equal(2, marathon.Count);
        Assert.NotEqual(marathon[0].LineageId, marathon[1].LineageId);
        Assert.Null(marathon[1].PriorInitiativeId);
    }

    [Fact]
    public async Task AReloadRecomputesOnlyTheChangedSeriesAndAgreesWithAFullRecompute()
    {
        using var dir = new TempDir();
        var seeds = TestWarehouse.CopyFolder(LineageWarehouseFixture.LineageSeeds, Path.Combine(dir.Path, "seeds"));

        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        string minamikawaBefore;
        using (var connection = TestWarehouse.OpenReadOnly(warehouse))
        {
            minamikawaBefore = string.Join("\n", await connection.QueryAsync<string>("select initiative_id || lineage_id from bridge_initiative_lineage where municipality = '南川市' order by 1"));
        }

        // 北山市 FY2022 gains an item that continues one of FY2021 and loses one that did.
        var path = Path.Combine(seeds, "documents", "kitayama_2022.txt");
        var text = (await File.ReadAllTextAsync(path)).Replace("- ・いなほ工業団地の造成工事を推進\n", "", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, text + "- ・中央公園の整備を推進\n");
        var reload = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.Equal((1, 2, 1), (reload.Loaded, reload.Unchanged, reload.LineageSeries));

        var copy = Path.Combine(dir.Path, "copy.duckdb");
        File.Copy(Path.Combine(warehouse, SnapshotStore.DatabaseFile), copy);
        await using var check = new DuckDBConnection($"Data Source={copy}");
        await check.OpenAsync();
        var incremental = await LinksAsync(check);
        Assert.Contains("中央公園", incremental, StringComparison.Ordinal);
        Assert.Equal(minamikawaBefore, string.Join("\n", await check.QueryAsync<string>("select initiative_id || lineage_id from bridge_initiative_lineage where municipality = '南川市' order by 1")));
        Assert.Equal((2L, 1L), await check.QuerySingleAsync<(long, long)>(
            "select count(*), count(distinct lineage_id) from bridge_initiative_lineage as b inner join fact_initiative as i using (initiative_id) where b.municipality = '北山市' and i.text = '中央公園の整備を推進'"));
        Assert.Equal(0, await check.ExecuteScalarAsync<long>(
            "select count(*) from bridge_initiative_lineage as b inner join fact_initiative as i using (initiative_id) where b.fiscal_year = 2022 and i.text = 'いなほ工業団地の造成工事を推進'"));
        await check.ExecuteAsync("delete from bridge_initiative_lineage");
        await LineageLoad.RefreshAsync(check, 2, CancellationToken.None);
        Assert.Equal(incremental, await LinksAsync(check));
    }

    private const string Select = """
        select b.initiative_id as InitiativeId, b.lineage_id as LineageId, b.prior_initiative_id as PriorInitiativeId,
               b.link_rule as LinkRule, b.fiscal_year as FiscalYear, i.text as Text
        from bridge_initiative_lineage as b inner join fact_initiative as i using (initiative_id)
        """;

    private async Task<(Link Earlier, Link Later)> PairAsync(string text2021, string text2022)
    {
        await using var connection = await fixture.Warehouse.OpenAsync();
        var sql = Select + " where b.municipality = '北山市' and b.fiscal_year = $fy and i.text = $text";
        var earlier = await connection.QuerySingleAsync<Link>(sql, new { fy = 2021, text = text2021 });
        var later = await connection.QuerySingleAsync<Link>(sql, new { fy = 2022, text = text2022 });
        return (earlier, later);
    }

    private static async Task<string> LinksAsync(DuckDBConnection connection)
    {
        var result = await QueryRunner.RunAsync(connection, "select * from bridge_initiative_lineage order by initiative_id", CancellationToken.None);
        return string.Join("\n", result.Rows.Select(r => string.Join("|", r.Select(QueryRunner.Text))));
    }

    private sealed record Link(string InitiativeId, string LineageId, string? PriorInitiativeId, string LinkRule, int FiscalYear, string Text);
}
