using System.Globalization;
using BudgetWarehouse.Loader.Dashboard;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Tests.Analysis;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.Dashboard;

/// <summary>
/// The dashboard reads agg_dashboard_item and agg_dashboard_yoy, stored at load time, instead of joining the facts
/// and expanding v_initiative_yoy on every request: every query of sql/dashboard/ gives the same rows as its
/// formulation over the facts and views (tests/Dashboard/Reference/) on the loaded fixtures, with no selection and
/// with selections of values the warehouse holds.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed class DashboardAggregateTests(WarehouseFixture seeds, LineageWarehouseFixture lineage)
{
    private const int Limit = 1_000_000;

    private static readonly string ReferenceFolder = Path.Combine(TestPaths.RepoRoot, "tests", "Dashboard", "Reference");

    /// <summary>
    /// The queries with a formulation here: those that read the agg tables. The plan queries read the plan facts
    /// directly, as they did before, so comparing them with themselves could not fail.
    /// </summary>
    public static TheoryData<string> Queries => [.. DashboardQueries.Names.Where(n => File.Exists(Path.Combine(ReferenceFolder, n + ".sql")))];

    [Fact]
    public void EveryQueryThatReadsTheAggTablesHasAFormulationOverTheFacts()
    {
        foreach (var name in DashboardQueries.Names)
        {
            var sql = File.ReadAllText(Path.Combine(SqlScripts.Root, "dashboard", name + ".sql"));
            var readsAgg = sql.Contains("agg_dashboard", StringComparison.Ordinal) || sql.Contains("dash_items", StringComparison.Ordinal) || sql.Contains("dash_yoy", StringComparison.Ordinal);
            Assert.True(!readsAgg || File.Exists(Path.Combine(ReferenceFolder, name + ".sql")), $"{name}.sql reads the agg tables but has no formulation in {ReferenceFolder}");
        }
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task EveryQueryGivesTheRowsOfItsFormulationOverTheFactsAndViews(string name)
    {
        foreach (var warehouse in new[] { seeds.Warehouse, lineage.Warehouse })
        {
            await using var stored = await SandboxConnection.OpenAsync(warehouse.LoadedDatabase, null, default);
            await DashboardQueries.DefineFiltersAsync(stored, default);
            var relations = await SqlRequirements.RelationsAsync(stored, default);
            await using var reference = await SandboxConnection.OpenAsync(warehouse.LoadedDatabase, null, default);
            await ExecuteAsync(reference, await File.ReadAllTextAsync(Path.Combine(ReferenceFolder, DashboardQueries.FiltersFile)));
            var referenceSql = await File.ReadAllTextAsync(Path.Combine(ReferenceFolder, name + ".sql"));

            foreach (var filter in await SelectionsAsync(stored, relations))
            {
                var actual = await DashboardQueries.RunAsync(stored, relations, name, filter, Limit, default);
                Assert.Empty(actual.Missing);
                var (columns, expected) = await RunAsync(reference, referenceSql, filter);
                Assert.Equal(columns, actual.Columns);
                Assert.True(expected.SequenceEqual(Render(actual.Rows)), $"{name} on {Path.GetFileName(warehouse.SeedsDir)} with {filter}: "
                    + $"{expected.Count} reference rows, {actual.Rows.Count} rows; first difference: "
                    + string.Join(" | ", expected.Except(Render(actual.Rows)).Concat(Render(actual.Rows).Except(expected)).Take(2)));
            }
        }
    }

    [Fact]
    public async Task TheSelectionsCompareNonEmptyResults()
    {
        // Each selection is built from values the fixture holds, so that the comparison above compares rows.
        foreach (var warehouse in new[] { seeds.Warehouse, lineage.Warehouse })
        {
            await using var connection = await SandboxConnection.OpenAsync(warehouse.LoadedDatabase, null, default);
            await DashboardQueries.DefineFiltersAsync(connection, default);
            var relations = await SqlRequirements.RelationsAsync(connection, default);
            var selections = await SelectionsAsync(connection, relations);
            Assert.True(selections.Count >= 8, $"only {selections.Count} selections");
            foreach (var filter in selections.Where(f => f.Status is null))
            {
                var items = await DashboardQueries.RunAsync(connection, relations, "items", filter, 10, default);
                Assert.True(items.Rows.Count > 0, $"no items with {filter}");
            }

        }

        // The lineage fixture has consecutive years of a series, so the year-over-year queries compare rows there.
        await using var lineageConnection = await SandboxConnection.OpenAsync(lineage.Warehouse.LoadedDatabase, null, default);
        await DashboardQueries.DefineFiltersAsync(lineageConnection, default);
        var yoy = await DashboardQueries.RunAsync(lineageConnection, await SqlRequirements.RelationsAsync(lineageConnection, default), "yoy_rows", new DashboardFilter(), 10, default);
        Assert.NotEmpty(yoy.Rows);
    }

    /// <summary>No selection, each slicer alone with a value the warehouse holds, a drill-down path, a year and a status.</summary>
    private static async Task<List<DashboardFilter>> SelectionsAsync(DuckDBConnection connection, IReadOnlySet<string> relations)
    {
        var first = (await DashboardQueries.RunAsync(connection, relations, "items", new DashboardFilter(), 1, default)).Rows.Single();
        var columns = (await DashboardQueries.RunAsync(connection, relations, "items", new DashboardFilter(), 1, default)).Columns.ToList();
        string Value(string column) => (string)first[columns.IndexOf(column)]!;
        var year = Convert.ToInt32(first[columns.IndexOf("fiscal_year")], CultureInfo.InvariantCulture);
        var lastYear = Convert.ToInt32(await ScalarAsync(connection, "select max(fiscal_year) from agg_dashboard_item"), CultureInfo.InvariantCulture);
        var functionName = await ScalarAsync(connection, "select function_name from agg_dashboard_item where function_id <> 'unknown' group by all order by count(*) desc, 1 limit 1") as string;
        var department = await ScalarAsync(connection, "select department from agg_dashboard_item where department_id <> 'unknown' group by all order by count(*) desc, 1 limit 1") as string;
        var selections = new List<DashboardFilter>
        {
            new(),
            new() { Municipality = Value("municipality") },
            new() { FyFrom = year, FyTo = year },
            new() { FyFrom = lastYear },
            new() { Theme = Value("theme") },
            new() { Family = "budget_priorities" },
            new() { Bureau = Value("bureau") },
            new() { Theme = Value("theme"), Pillar = Value("pillar_title") },
            new() { Theme = Value("theme"), Pillar = Value("pillar_title"), Section = Value("section_title") },
            new() { Status = "continued" },
            new() { Status = "new", Municipality = Value("municipality") },
        };
        if (functionName is not null)
        {
            selections.Add(new() { Function = functionName });
        }

        if (department is not null)
        {
            selections.Add(new() { Department = department });
        }

        return selections;
    }

    private static async Task<(List<string> Columns, List<string> Rows)> RunAsync(DuckDBConnection connection, string sql, DashboardFilter filter)
    {
        var values = new Dictionary<string, object?>(filter.Parameters(), StringComparer.Ordinal) { ["limit"] = Limit };
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in DashboardQueries.ParameterNames(sql))
        {
            command.Parameters.Add(new DuckDBParameter(parameter, values[parameter] ?? DBNull.Value));
        }

        await using var reader = await command.ExecuteReaderAsync();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetValue(i))]);
        }

        return (columns, Render(rows));
    }

    /// <summary>Rows as text (type and value of each cell), sorted: ties in a query's order may come in either order.</summary>
    private static List<string> Render(IEnumerable<object?[]> rows) =>
        [.. rows.Select(r => string.Join('\u001f', r.Select(v => v is null ? "null" : v.GetType().Name + ":" + Convert.ToString(v, CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal)];

    private static async Task<object?> ScalarAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
