using System.Globalization;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Cli;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Report;
using Dapper;
using DuckDB.NET.Data;
using Xunit.Abstractions;

namespace BudgetWarehouse.Tests.Analysis;

/// <summary>
/// <c>bw report</c> writes one self-contained HTML page whose charts a real browser lays out: every chart
/// is present, non-empty, and has one rendered mark per data row. Screenshots are kept as test artifacts.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed partial class ReportTests(WarehouseFixture seeds, ITestOutputHelper output)
{
    private static readonly string[] ChartIds = [ReportHtml.ThemeYearChart, ReportHtml.MoneyChart, ReportHtml.FunctionChart, ReportHtml.AchievementChart, ReportHtml.MilestoneChart];

    /// <summary>Where screenshots and report pages go: BW_TEST_ARTIFACTS (set by .ci/run), else tests/TestResults/artifacts.</summary>
    internal static string ArtifactsDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("BW_TEST_ARTIFACTS") is { Length: > 0 } d ? d : Path.Combine(TestPaths.RepoRoot, "tests", "TestResults", "artifacts");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    [SkippableFact]
    public async Task ContractFixtureReportRendersEveryChartWithOneMarkPerRow()
    {
        var chromium = HeadlessChromium.Require();
        using var dir = new TempDir();
        var warehouse = await FixtureWarehouseAsync(dir.Path);
        var html = Path.Combine(ArtifactsDir, "report-fixture.html");
        var outcome = await ReportBuilder.WriteAsync(new SnapshotStore(warehouse), html, null, default);
        Assert.Empty(outcome.MissingSections);
        Assert.Equal(5, outcome.Charts);

        var dom = await HeadlessChromium.DumpDomAsync(chromium, html);
        Assert.Contains("data-render-checked=\"yes\"", dom, StringComparison.Ordinal);
        var charts = Charts(dom);
        Assert.Equal(ChartIds.Order(StringComparer.Ordinal), charts.Keys.Order(StringComparer.Ordinal));
        var expected = new Dictionary<string, int>
        {
            [ReportHtml.ThemeYearChart] = 4,
            [ReportHtml.MoneyChart] = 3,
            [ReportHtml.FunctionChart] = 3,
            [ReportHtml.AchievementChart] = 3,
            [ReportHtml.MilestoneChart] = 4,
        };
        foreach (var (id, marks) in expected)
        {
            AssertRendered(charts, id, marks);
        }

        // Bar values are the data: 3 + 3 items (relisted left out); 271 + 1 億円 (2020) + 3 億円 (2021).
        Assert.Equal(6, charts[ReportHtml.ThemeYearChart].Values.Sum());
        Assert.Equal(27_500_000_000d, charts[ReportHtml.MoneyChart].Values.Sum());
        Assert.Equal(27_500_000_000d, charts[ReportHtml.FunctionChart].Values.Sum());
        Assert.Equal(["2020-10-03", "2020-10-25", "2021-03-01", "2021-04-01"], charts[ReportHtml.MilestoneChart].Starts);
        Assert.Contains("<td class=\"num\">+10.0 pt (2023, 区分変更)</td>", dom, StringComparison.Ordinal);

        // Explain-style source text: the wrapped item's two printed lines with their numbers.
        Assert.Contains("<span class=\"ln\">10</span>・新産業創出支援基金の", dom, StringComparison.Ordinal);
        Assert.Contains("<span class=\"ln\">11</span>創設 271億円", dom, StringComparison.Ordinal);
        Assert.Contains("令和3年春開設予定", dom, StringComparison.Ordinal);

        // Money and milestone rows link to their item's row in the theme tables.
        Assert.Contains("href=\"#src-i6\"", dom, StringComparison.Ordinal);
        Assert.Contains("<tr id=\"src-i6\"", dom, StringComparison.Ordinal);

        await ScreenshotAsync(chromium, html, "report-fixture.png");
    }

    [SkippableFact]
    public async Task SeedReportRendersEveryChartItsWarehouseHasData()
    {
        var chromium = HeadlessChromium.Require();
        var html = Path.Combine(ArtifactsDir, "report-seeds.html");
        var outcome = await ReportBuilder.WriteAsync(seeds.Store, html, null, default);
        var dom = await HeadlessChromium.DumpDomAsync(chromium, html);
        var charts = Charts(dom);

        // The expected marks come from running the same query files on the snapshot, independently of the page.
        await using var db = new DuckDBConnection(seeds.ConnectionString);
        await db.OpenAsync();
        var existing = await QueryCatalog.RelationsAsync(db, default);
        var chartQueries = new Dictionary<string, string>
        {
            [ReportHtml.ThemeYearChart] = ReportData.ThemeYear,
            [ReportHtml.MoneyChart] = ReportData.MoneyPillar,
            [ReportHtml.FunctionChart] = ReportData.MoneyFunction,
            [ReportHtml.AchievementChart] = ReportData.Achievement,
            [ReportHtml.MilestoneChart] = ReportData.Milestones,
        };
        foreach (var (id, file) in chartQueries)
        {
            var sql = QueryCatalog.Read(file);
            var missing = QueryCatalog.Missing(sql, existing);
            if (missing.Count > 0)
            {
                output.WriteLine($"chart {id} not drawn: the snapshot has no {string.Join(", ", missing)} (the page says so)");
                Assert.DoesNotContain($"data-chart=\"{id}\"", dom, StringComparison.Ordinal);
                Assert.Contains(file, dom, StringComparison.Ordinal);
                continue;
            }

            var rows = (await QueryRows.RunAsync(db, sql, default)).Count;
            var marks = id == ReportHtml.MilestoneChart ? Math.Min(rows, ReportHtml.MaxMilestones) : rows;
            Assert.True(marks > 0, $"{file} returns no rows on the seeds: chart {id} would be empty");
            AssertRendered(charts, id, marks);
        }

        var items = await db.ExecuteScalarAsync<long>("select count(*) from fact_initiative where kind = 'item' and not is_relisted");
        Assert.Equal(items, charts[ReportHtml.ThemeYearChart].Values.Sum());

        // Every item has its row, and its first printed line with its line number, in the page.
        var sources = await db.QueryAsync<(string Id, int Line, string Raw)>(
            "select initiative_id, source_line_start, raw_text from fact_initiative where kind = 'item'");
        var text = System.Net.WebUtility.HtmlDecode(dom);
        foreach (var (id, line, raw) in sources)
        {
            Assert.Contains($"<tr id=\"src-{id}\"", dom, StringComparison.Ordinal);
            Assert.Contains($"<span class=\"ln\">{line}</span>{raw.Split('\n')[0]}", text, StringComparison.Ordinal);
        }

        Assert.Equal(charts.Count, outcome.Charts);
        await ScreenshotAsync(chromium, html, "report-seeds.png");
    }

    [Fact]
    public async Task SeedReportGivesThePlanReportsHeadlinePerYear()
    {
        using var dir = new TempDir();
        var html = Path.Combine(dir.Path, "report.html");
        await ReportBuilder.WriteAsync(seeds.Store, html, null, default);
        var page = await File.ReadAllTextAsync(html);

        // The seed report's total row (line 29: 合計 90 項目 80 項目 88.9%) is its headline; no prior year is loaded.
        var section = page[page.IndexOf("計画・年度別の達成割合", StringComparison.Ordinal)..page.IndexOf("進捗状況の区分別件数", StringComparison.Ordinal)];
        Assert.Contains("<td class=\"num\">90</td><td class=\"num\">80</td>", section, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">88.9%</td><td class=\"num\"></td><td>004_", section, StringComparison.Ordinal);
        Assert.Contains(".txt:29</td>", section, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportVerbWritesOneSelfContainedFile()
    {
        using var dir = new TempDir();
        var warehouse = await FixtureWarehouseAsync(dir.Path);
        var html = Path.Combine(dir.Path, "out", "report.html");
        var exit = await BwCommandLine.RunAsync(["report", "--warehouse", warehouse, "--out", html, "--as-of", "2021-04-01"]);
        Assert.Equal(0, exit);
        var page = await File.ReadAllTextAsync(html);
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Equal(5, SvgOpen().Matches(page).Count);

        // Nothing is fetched at view time: no external scripts, styles, images or fonts.
        Assert.DoesNotMatch(ExternalReference(), page);

        // --as-of 2021-04-01: only the two milestones that end on or after that day.
        Assert.Equal(2, Charts(page)[ReportHtml.MilestoneChart].Marks);
    }

    [Fact]
    public async Task ReportWithoutSnapshotFailsWithExitCodeOne()
    {
        using var dir = new TempDir();
        var exit = await BwCommandLine.RunAsync(["report", "--warehouse", Path.Combine(dir.Path, "none"), "--out", Path.Combine(dir.Path, "r.html")]);
        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(dir.Path, "r.html")));
    }

    [Theory]
    [InlineData(27_100_000_000L, "271億円")]
    [InlineData(1_819_500_000_000L, "18,195億円")]
    [InlineData(155_550_000L, "1.5555億円")]
    [InlineData(600_000L, "60万円")]
    [InlineData(950L, "950円")]
    public void YenIsShownInOkuAndMan(long yen, string expected) => Assert.Equal(expected, ReportHtml.Yen(yen));

    /// <summary>Builds a published snapshot from tests/Analysis/fixtures/report_contract.sql.</summary>
    internal static async Task<string> FixtureWarehouseAsync(string root)
    {
        var warehouse = Path.Combine(root, "warehouse");
        var store = new SnapshotStore(warehouse);
        var (id, snapshotDir) = store.Begin(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        await using (var db = new DuckDBConnection($"Data Source={Path.Combine(snapshotDir, SnapshotStore.DatabaseFile)}"))
        {
            await db.OpenAsync();
            await db.ExecuteAsync(await File.ReadAllTextAsync(Path.Combine(TestPaths.RepoRoot, "tests", "Analysis", "fixtures", "report_contract.sql")));
        }

        store.Publish(id);
        return warehouse;
    }

    private async Task ScreenshotAsync(string chromium, string html, string name)
    {
        var png = Path.Combine(ArtifactsDir, name);
        await HeadlessChromium.ScreenshotAsync(chromium, html, png);
        output.WriteLine($"screenshot: {png}");
        output.WriteLine($"report page: {html}");
    }

    private static void AssertRendered(Dictionary<string, ChartInfo> charts, string id, int marks)
    {
        Assert.True(charts.TryGetValue(id, out var chart), $"chart {id} is missing from the page");
        Assert.True(marks > 0, $"chart {id}: no data");
        Assert.Equal(marks, chart.Marks);
        Assert.Equal(marks, chart.Expected);
        Assert.Equal(marks, chart.RenderedMarks);
        Assert.True(chart.RenderedTexts > 0, $"chart {id}: no text laid out");
    }

    private sealed record ChartInfo(int Marks, int Expected, int RenderedMarks, int RenderedTexts, List<double> Values, List<string> Starts);

    /// <summary>Each chart's svg: mark elements in the markup, and what the page's check script saw laid out.</summary>
    private static Dictionary<string, ChartInfo> Charts(string dom)
    {
        var result = new Dictionary<string, ChartInfo>(StringComparer.Ordinal);
        foreach (Match svg in SvgElement().Matches(dom))
        {
            var open = svg.Groups["open"].Value;
            var body = svg.Groups["body"].Value;
            var marks = MarkElement().Matches(body);
            result[Attr(open, "data-chart")!] = new ChartInfo(
                marks.Count,
                int.Parse(Attr(open, "data-expected-marks") ?? "-1", CultureInfo.InvariantCulture),
                int.Parse(Attr(open, "data-rendered-marks") ?? "-1", CultureInfo.InvariantCulture),
                int.Parse(Attr(open, "data-rendered-texts") ?? "-1", CultureInfo.InvariantCulture),
                [.. marks.Select(m => Attr(m.Value, "data-value")).Where(v => v is not null).Select(v => double.Parse(v!, CultureInfo.InvariantCulture))],
                [.. marks.Select(m => Attr(m.Value, "data-start")).Where(v => v is not null).Select(v => v!)]);
        }

        return result;
    }

    private static string? Attr(string tag, string name)
    {
        var m = Regex.Match(tag, $"\\s{Regex.Escape(name)}=\"([^\"]*)\"");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex("(?<open><svg\\b[^>]*>)(?<body>.*?)</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    [GeneratedRegex("<svg\\b[^>]*data-chart=")]
    private static partial Regex SvgOpen();

    [GeneratedRegex("<(?:rect|circle)\\b[^>]*\\sdata-mark=\"[^\"]*\"[^>]*>")]
    private static partial Regex MarkElement();

    [GeneratedRegex("(?:src|href)\\s*=\\s*\"(?:https?:)?//|@import|url\\(\\s*['\"]?(?:https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();
}
