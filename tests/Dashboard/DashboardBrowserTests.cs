using System.Text;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Tests.Analysis;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser (headless Chromium over the DevTools protocol) on the loaded seeds: every
/// page draws without a console error, a slicer and a click change the numbers to what SQL gives for the same
/// filter, drill-down goes down and back up, drill-through opens explain's view, and the CSV export holds the
/// table's rows. Screenshots of each page go to the test artifacts.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed class DashboardBrowserTests(WarehouseFixture seeds, LineageWarehouseFixture lineage)
{
    [SkippableTheory]
    [InlineData("/", "overview", false)]
    [InlineData("/policies", "policies", false)]
    [InlineData("/yoy", "yoy", true)]
    [InlineData("/departments", "departments", false)]
    [InlineData("/plan", "plan", false)]
    public async Task EveryPageDrawsItsVisualsAndRowsWithoutAConsoleError(string path, string page, bool onLineage)
    {
        // Year over year needs two loaded years of one series: the lineage fixture has them, the seeds do not.
        await using var s = await DashboardSession.StartAsync((onLineage ? lineage : seeds).Warehouse.WarehouseDir);
        await s.Browser.NavigateAsync(s.Url(path));
        Assert.Empty(s.Browser.Errors);
        Assert.Equal(page, await s.Browser.EvaluateAsync<string>("document.body.dataset.page"));
        Assert.True(await s.Browser.EvaluateAsync<int>("Object.keys(BW.charts).length") >= 2);
        foreach (var chart in (await s.Browser.EvaluateAsync("Object.keys(BW.charts)"))!.AsArray().Select(c => (string)c!))
        {
            // ECharts draws SVG: a visual with data has shapes beyond its axes.
            Assert.True(await s.Browser.EvaluateAsync<int>($"document.querySelectorAll('#chart-{chart} svg path').length") > 0, $"{page}: chart {chart} drew nothing");
        }

        Assert.True(await s.Browser.EvaluateAsync<int>("document.querySelectorAll('#rows tbody tr').length") > 0, $"{page}: no rows behind the selection");
        Assert.True(await s.Browser.EvaluateAsync<int>("document.querySelectorAll('#rows a.explain-link').length") > 0, $"{page}: rows without a link to explain");
        Assert.Matches(@"\.txt( p\.\d+)? l\.\d+", await s.Browser.EvaluateAsync<string>("document.querySelector('#rows td.src').textContent"));
        Assert.Equal(7, await s.Browser.EvaluateAsync<int>("document.querySelectorAll('#slicers select').length"));
        await s.Browser.ScreenshotAsync(Path.Combine(ReportTests.ArtifactsDir, $"dashboard-{page}.png"));
    }

    [SkippableFact]
    public async Task ASlicerChangesTheCardsAndRowsToWhatSqlGivesForTheSameFilter()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir);
        await s.Browser.NavigateAsync(s.Url("/"));
        var before = await Card(s, "initiatives");
        await s.Browser.RedrawAfterAsync(() => s.Browser.EvaluateAsync(
            "(() => { const e = document.getElementById('slicer-family'); e.value = 'budget_priorities'; e.dispatchEvent(new Event('change')); })()"));
        Assert.Empty(s.Browser.Errors);
        Assert.Contains("family=budget_priorities", await s.Browser.EvaluateAsync<string>("location.search"), StringComparison.Ordinal);

        await using var db = await OpenAsync(seeds);
        const string Items = "from fact_initiative as i join dim_document as d using (document_id) where i.kind = 'item' and d.family = 'budget_priorities'";
        var year = await db.ExecuteScalarAsync<int>($"select max(i.fiscal_year) {Items}");
        var initiatives = await db.ExecuteScalarAsync<long>($"select count(*) {Items} and not i.is_relisted and i.fiscal_year = {year}");
        var money = await db.ExecuteScalarAsync<long>($"select cast(sum(m.amount_yen) as bigint) from fact_measure as m join fact_initiative as i using (initiative_id) join dim_document as d on d.document_id = i.document_id " +
            $"where d.family = 'budget_priorities' and m.unit = 'JPY' and m.role = 'value' and not i.is_relisted and i.fiscal_year = {year}");
        Assert.Equal(initiatives.ToString(System.Globalization.CultureInfo.InvariantCulture), await Card(s, "initiatives"));
        Assert.NotEqual(before, await Card(s, "initiatives"));
        Assert.Equal(money.ToString(System.Globalization.CultureInfo.InvariantCulture), await Card(s, "money"));
        Assert.Equal(await db.ExecuteScalarAsync<long>($"select count(*) {Items}"), await s.Browser.EvaluateAsync<long>("document.querySelectorAll('#rows tbody tr').length"));
    }

    [SkippableFact]
    public async Task TheFunctionSlicerSitsBesideTheDepartmentAndNarrowsTheCardsAndRows()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir);
        await s.Browser.NavigateAsync(s.Url("/"));
        Assert.Equal("slicer-function", await s.Browser.EvaluateAsync<string>("document.getElementById('slicer-department').closest('.slicer').nextElementSibling.querySelector('select').id"));
        var function = await s.Browser.EvaluateAsync<string>("document.querySelector('#slicer-function option:nth-child(2)').value");
        await s.Browser.RedrawAfterAsync(() => s.Browser.EvaluateAsync(
            $"(() => {{ const e = document.getElementById('slicer-function'); e.value = {System.Text.Json.JsonSerializer.Serialize(function)}; e.dispatchEvent(new Event('change')); }})()"));
        Assert.Empty(s.Browser.Errors);
        Assert.Equal(function, await s.Browser.EvaluateAsync<string>("new URLSearchParams(location.search).get('function')"));

        await using var db = await OpenAsync(seeds);
        const string Items = "from fact_initiative as i join dim_function as f using (function_id) where i.kind = 'item' and f.name = $name";
        var year = await db.ExecuteScalarAsync<int>($"select max(i.fiscal_year) {Items}", new { name = function });
        var initiatives = await db.ExecuteScalarAsync<long>($"select count(*) {Items} and not i.is_relisted and i.fiscal_year = {year}", new { name = function });
        Assert.Equal(initiatives.ToString(System.Globalization.CultureInfo.InvariantCulture), await Card(s, "initiatives"));
        Assert.Equal(await db.ExecuteScalarAsync<long>($"select count(*) {Items}", new { name = function }), await s.Browser.EvaluateAsync<long>("document.querySelectorAll('#rows tbody tr').length"));
        Assert.Equal([function], (await s.Browser.EvaluateAsync("[...new Set([...document.querySelectorAll('#rows td')].filter((td) => td.cellIndex === [...document.querySelectorAll('#rows th')].findIndex((th) => th.dataset.col === 'function_name')).map((td) => td.dataset.v))]"))!.AsArray().Select(v => (string)v!));
        await s.Browser.ScreenshotAsync(Path.Combine(ReportTests.ArtifactsDir, "dashboard-overview-function.png"));
    }

    [SkippableFact]
    public async Task AClickOnAThemeBarCrossFiltersTheOtherVisualsAndTheRows()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir);
        await s.Browser.NavigateAsync(s.Url("/"));
        var theme = await s.Browser.EvaluateAsync<string>("BW.charts.themes.getOption().yAxis[0].data.at(-1)");

        await s.Browser.RedrawAfterAsync(() => ClickThemeBar(s, theme));
        Assert.Empty(s.Browser.Errors);
        Assert.Equal(theme, await s.Browser.EvaluateAsync<string>("new URLSearchParams(location.search).get('theme')"));

        await using var db = await OpenAsync(seeds);
        var perYear = (await db.QueryAsync<(int Year, long Items)>(
            "select i.fiscal_year, count(*) from fact_initiative as i join dim_policy as p using (policy_id) where i.kind = 'item' and not i.is_relisted and p.theme = $theme group by all order by 1",
            new { theme })).ToList();
        // The year chart (another visual) now counts the theme's initiatives only, year by year.
        var bars = (await s.Browser.EvaluateAsync("BW.charts.years.getOption().series[0].data"))!.AsArray().Select(v => v!.GetValue<long>()).ToList();
        Assert.Equal(perYear.Select(p => p.Items).Where(n => n > 0), bars.Where(n => n > 0));
        var rowThemes = (await s.Browser.EvaluateAsync("[...document.querySelectorAll('#rows tbody tr')].map(r => r.children[3].dataset.v)"))!.AsArray().Select(v => (string)v!).ToHashSet();
        Assert.Equal([theme], rowThemes);

        // A second click on the same mark (now the only bar) clears the cross-filter.
        await s.Browser.RedrawAfterAsync(() => ClickThemeBar(s, theme));
        Assert.Null(await s.Browser.EvaluateAsync("new URLSearchParams(location.search).get('theme')"));
    }

    [SkippableFact]
    public async Task PoliciesDrillDownFromThemeToItemsAndBackUpAndDrillThroughToExplain()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir);
        await s.Browser.NavigateAsync(s.Url("/policies"));
        string[] levels = ["theme", "pillar", "section", "item"];
        foreach (var (level, next) in levels.Zip(levels.Skip(1)))
        {
            Assert.Equal(level, await Level(s));
            var name = await s.Browser.EvaluateAsync<string>("BW.charts.tree.getOption().series[0].data[0].name");
            await s.Browser.RedrawAfterAsync(() => ClickTreemapNode(s, 0));
            Assert.Equal(next, await Level(s));
            Assert.Contains(name, await s.Browser.EvaluateAsync<string>("document.getElementById('crumbs').textContent"), StringComparison.Ordinal);
        }

        Assert.Empty(s.Browser.Errors);
        var sectionRows = await s.Browser.EvaluateAsync<int>("document.querySelectorAll('#rows tbody tr').length");
        Assert.Equal(sectionRows, await s.Browser.EvaluateAsync<int>("BW.charts.tree.getOption().series[0].data.length"));

        // Back up one level with the drill-up button, then drill through an item to explain's view of it.
        await s.Browser.RedrawAfterAsync(() => s.Browser.ClickElementAsync("#drill-up"));
        Assert.Equal("section", await Level(s));
        await s.Browser.RedrawAfterAsync(() => ClickTreemapNode(s, 0));
        var id = await s.Browser.EvaluateAsync<string>("document.querySelector('#rows a.explain-link').title");
        await s.Browser.ClickElementAsync("#rows a.explain-link");
        await s.Browser.WaitForAsync("document.body.dataset.page === 'explain' && document.readyState === 'complete'");
        var explained = await s.Browser.EvaluateAsync<string>("document.getElementById('explain').textContent");
        Assert.StartsWith($"fact_initiative {id}", explained, StringComparison.Ordinal);
        Assert.Contains("source line", explained, StringComparison.Ordinal);
        Assert.Empty(s.Browser.Errors);
    }

    [SkippableFact]
    public async Task TheCsvExportHoldsTheTablesRowsWithABom()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir);
        await s.Browser.NavigateAsync(s.Url("/plan"));
        var href = await s.Browser.EvaluateAsync<string>("document.getElementById('export').href");
        var table = (await s.Browser.EvaluateAsync("[[...document.querySelectorAll('#rows th')].map(h => h.dataset.col), ...[...document.querySelectorAll('#rows tbody tr')].map(r => [...r.children].map(c => c.dataset.v))]"))!
            .AsArray().Select(r => r!.AsArray().Select(v => (string)v!).ToList()).ToList();
        using var http = new HttpClient();
        var bytes = await http.GetByteArrayAsync(href);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "the CSV has no UTF-8 BOM");
        var csv = Csv.Parse(Encoding.UTF8.GetString(bytes)).Select(r => r.Fields).ToList();
        Assert.True(table.Count > 1);
        Assert.Equal(table, csv);
        Assert.Contains(csv, r => r.Contains("行財政運営"));
    }

    /// <summary>Clicks the middle of a theme's bar, found from the chart's own coordinate system, as a mouse would.</summary>
    private static async Task ClickThemeBar(DashboardSession s, string theme)
    {
        var point = (await s.Browser.EvaluateAsync(
            "(() => { const c = BW.charts.themes; c.getDom().scrollIntoView({block: 'center'}); const o = c.getOption(); " +
            $"const i = o.yAxis[0].data.indexOf({System.Text.Json.JsonSerializer.Serialize(theme)}); " +
            "const p = c.convertToPixel({seriesIndex: 0}, [o.series[0].data[i].value / 2, i]); const r = c.getDom().getBoundingClientRect(); return [r.x + p[0], r.y + p[1]]; })()"))!.AsArray();
        await s.Browser.ClickAsync(point[0]!.GetValue<double>(), point[1]!.GetValue<double>());
    }

    private static Task<string> Card(DashboardSession s, string id) =>
        s.Browser.EvaluateAsync<string>($"document.querySelector('[data-card=\"{id}\"] .value').dataset.value");

    private static Task<string> Level(DashboardSession s) =>
        s.Browser.EvaluateAsync<string>("BW.params.get('section') ? 'item' : BW.params.get('pillar') ? 'section' : BW.params.get('theme') ? 'pillar' : 'theme'");

    /// <summary>Clicks the middle of a treemap rectangle, found from the chart's layout.</summary>
    private static async Task ClickTreemapNode(DashboardSession s, int index)
    {
        var point = (await s.Browser.EvaluateAsync(
            "(() => { const c = BW.charts.tree; c.getDom().scrollIntoView({block: 'center'}); const data = c.getModel().getSeriesByIndex(0).getData(); " +
            $"const idx = data.indexOfName(c.getOption().series[0].data[{index}].name); const l = data.getItemLayout(idx); const r = c.getDom().getBoundingClientRect(); " +
            "return [r.x + l.x + l.width / 2, r.y + l.y + l.height / 2]; })()"))!.AsArray();
        await s.Browser.ClickAsync(point[0]!.GetValue<double>(), point[1]!.GetValue<double>());
    }

    private static async Task<DuckDBConnection> OpenAsync(WarehouseFixture fixture)
    {
        var connection = new DuckDBConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
