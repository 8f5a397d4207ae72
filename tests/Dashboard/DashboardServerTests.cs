using System.Net;
using BudgetWarehouse.Loader.Dashboard;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Tests.Analysis;
using Dapper;

namespace BudgetWarehouse.Tests.Dashboard;

/// <summary>
/// The dashboard's server without a browser: every query of sql/dashboard/ binds and runs, request values are
/// bound and never spliced into SQL, bad values are refused, and a reload's new snapshot is picked up between
/// requests while a request in flight keeps its own.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed class DashboardServerTests(WarehouseFixture seeds, LineageWarehouseFixture lineage)
{
    public static TheoryData<string> Queries => [.. DashboardQueries.Names];

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryQueryRunsOnTheCompleteWarehouseWithAndWithoutEverySlicer(string name)
    {
        foreach (var warehouse in new[] { seeds.Warehouse, lineage.Warehouse })
        {
            await using var connection = await SandboxConnection.OpenAsync(warehouse.Database, null, default);
            await DashboardQueries.DefineFiltersAsync(connection, default);
            var relations = await SqlRequirements.RelationsAsync(connection, default);
            var none = await DashboardQueries.RunAsync(connection, relations, name, new DashboardFilter(), 10, default);
            Assert.Empty(none.Missing);
            Assert.NotEmpty(none.Columns);
            var every = new DashboardFilter
            {
                Municipality = "金沢市", FyFrom = 2019, FyTo = 2030, Theme = "行財政運営", Department = "財政課", Function = "総務費", Family = "budget_priorities",
                Bureau = "総務局", Pillar = "p", Section = "s", Status = "new",
            };
            var some = await DashboardQueries.RunAsync(connection, relations, name, every, 10, default);
            Assert.Equal(none.Columns, some.Columns);
        }
    }

    [Fact]
    public void EveryQueryNamesOnlyTheSelectionsParameters()
    {
        var known = new DashboardFilter().Parameters().Keys.Append("limit").ToHashSet(StringComparer.Ordinal);
        foreach (var name in DashboardQueries.Names)
        {
            Assert.All(DashboardQueries.ParameterNames(DashboardQueries.Text(name)), p => Assert.Contains(p, known));
        }
    }

    [Fact]
    public async Task YearOverYearCountsAreTheLineagesNewContinuedAndDropped()
    {
        await using var s = await DashboardSession.StartAsync(lineage.Warehouse.WarehouseDir, browser: false);
        var api = await s.ApiAsync("yoy");
        var shown = DashboardSession.Rows(api["visuals"]!["yoy_status"]!).Where(r => (string)r["grouping"]! == "theme")
            .GroupBy(r => (string)r["status"]!).ToDictionary(g => g.Key, g => g.Sum(r => (long)r["initiatives"]!));
        await using var db = await lineage.Warehouse.OpenAsync();
        var expected = (await db.QueryAsync<(string Status, long Count)>("select status, count(*) from v_initiative_yoy group by all")).ToDictionary(r => r.Status, r => r.Count);
        Assert.Equal(expected.OrderBy(kv => kv.Key), shown.OrderBy(kv => kv.Key));
        Assert.True(expected.Keys.Count >= 2, "the lineage fixture should show more than one status");
    }

    [Fact]
    public async Task TheFunctionSlicerFiltersTheCardsChartsRowsAndCsvOfEveryPage()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir, browser: false);
        await using var db = await seeds.Warehouse.OpenAsync();
        // Counted from the facts, not from the dashboard's tables: items per 款, relisted ones left out.
        var counts = (await db.QueryAsync<(string Name, long Items, long Rows)>(
            "select f.name, count(*) filter (where not i.is_relisted), count(*) from fact_initiative as i inner join dim_function as f on f.function_id = i.function_id "
            + "where i.kind = 'item' and i.function_id <> 'unknown' group by all order by 2 desc, 1")).ToList();
        Assert.True(counts.Count >= 2, "the seeds should have items under more than one function");
        var (function, items, itemRows) = counts[0];
        var all = await s.ApiAsync("overview");
        Assert.Equal(counts.Select(c => c.Name).Order(StringComparer.Ordinal), all["slicers"]!["function"]!.AsArray().Select(v => (string)v!).Order(StringComparer.Ordinal));

        var query = "?function=" + Uri.EscapeDataString(function);
        var overview = await s.ApiAsync("overview", query);
        Assert.Equal(items, DashboardSession.Rows(overview["visuals"]!["overview_years"]!).Sum(r => (long)r["initiatives"]!));
        Assert.Equal(items, DashboardSession.Rows(overview["visuals"]!["overview_themes"]!).Sum(r => (long)r["initiatives"]!));
        var total = DashboardSession.Rows(all["visuals"]!["overview_years"]!).Sum(r => (long)r["initiatives"]!);
        Assert.True(items < total, "one function is a part of the items");
        // Plan rows have no function: with the slicer set the plan figures are left out, not shown unfiltered.
        Assert.All(DashboardSession.Rows(overview["visuals"]!["overview_years"]!), r => Assert.Null(r["items_planned"]));

        var rows = DashboardSession.Rows(overview["rows"]!);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal(function, (string)r["function_name"]!));
        Assert.Contains(DashboardSession.Rows(all["rows"]!), r => (string)r["function_name"]! != function);
        foreach (var page in new[] { "policies", "yoy", "departments" })
        {
            var filtered = await s.ApiAsync(page, query);
            Assert.All(DashboardSession.Rows(filtered["rows"]!), r => Assert.Equal(function, (string)r["function_name"]!));
        }

        var policies = await s.ApiAsync("policies", query);
        Assert.Equal(items, DashboardSession.Rows(policies["visuals"]!["policy_tree"]!).Sum(r => (long)r["initiatives"]!));
        var departments = await s.ApiAsync("departments", query);
        Assert.Equal(items, DashboardSession.Rows(departments["visuals"]!["departments"]!).Sum(r => (long)r["initiatives"]!));

        using var http = new HttpClient();
        var csv = System.Text.Encoding.UTF8.GetString(await http.GetByteArrayAsync(s.Url("/export/overview.csv" + query))).TrimStart('\uFEFF');
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("function_name", lines[0].Split(','));
        Assert.Equal(itemRows, lines.Length - 1);
    }

    [Fact]
    public async Task RequestValuesAreBoundNotSplicedAndBadOnesAreRefused()
    {
        await using var s = await DashboardSession.StartAsync(seeds.Warehouse.WarehouseDir, browser: false);
        var injected = await s.ApiAsync("overview", "?theme=" + Uri.EscapeDataString("' or 1=1 --"));
        Assert.Empty(DashboardSession.Rows(injected["rows"]!));
        Assert.Empty(DashboardSession.Rows(injected["visuals"]!["overview_themes"]!));

        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(s.Url("/api/overview?fy_from=2020;drop"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(s.Url("/api/nosuchpage"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.GetAsync(s.Url("/explain/" + Uri.EscapeDataString("x' or '1'='1")))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(s.Url("/explain/no-such-fact"))).StatusCode);
    }

    [Fact]
    public async Task AReloadIsPickedUpBetweenRequestsWhileARequestInFlightKeepsItsSnapshot()
    {
        using var dir = new TempDir();
        var warehouse = Path.Combine(dir.Path, "warehouse");
        Assert.NotEqual(1, (await LoadedWarehouse.LoadAsync(LineageWarehouseFixture.LineageSeeds, warehouse)).ExitCode);
        var store = new SnapshotStore(warehouse);
        await using var s = await DashboardSession.StartAsync(warehouse, browser: false);
        var first = await s.ApiAsync("overview");

        // A request that started before the reload: it holds a connection to the first snapshot.
        await using var connections = new SnapshotConnections(store);
        await using var inFlight = await connections.LeaseAsync(default);

        Assert.NotEqual(1, (await LoadedWarehouse.LoadAsync(TestPaths.Seeds, warehouse)).ExitCode);
        var second = await s.ApiAsync("overview");
        Assert.NotEqual((string)first["snapshot"]!, (string)second["snapshot"]!);
        Assert.Equal(store.CurrentSnapshotId, (string)second["snapshot"]!);
        Assert.Contains("金沢市", second["slicers"]!["municipality"]!.AsArray().Select(v => (string)v!));
        Assert.DoesNotContain("金沢市", first["slicers"]!["municipality"]!.AsArray().Select(v => (string)v!));

        var old = await DashboardQueries.RunAsync(inFlight, "slicers", new DashboardFilter(), 0, default);
        Assert.Equal((string)first["snapshot"]!, inFlight.SnapshotId);
        Assert.DoesNotContain(old.Rows, r => (string?)r[1] == "金沢市");
    }
}
