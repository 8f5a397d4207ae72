using System.Text;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.PowerBi;
using BudgetWarehouse.Tests.Analysis;
using Dapper;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Tests.PowerBi;

/// <summary>
/// <c>bw powerbi</c> on the loaded seeds: the TMDL it writes is read back with a small parser of its own, and every
/// table, column, relationship and measure it names is checked against the Parquet lake that Power BI will read.
/// </summary>
[Collection(SeedWarehouseCollection.Name)]
public sealed partial class PbipTests(WarehouseFixture seeds)
{
    [Fact]
    public async Task EveryTableAndColumnOfTheModelIsInTheLakeWithACompatibleType()
    {
        using var dir = new TempDir();
        var outcome = await PbipProject.WriteAsync(seeds.Store, dir.Path, null, default);
        var model = Tmdl.Read(PbipProject.DefinitionFolder(dir.Path));
        Assert.Equal(outcome.Tables, model.Tables.Count);
        await using var lake = await OpenLakeAsync();

        // Every fact and dimension of the lake is a table of the model.
        var lakeTables = Directory.EnumerateDirectories(seeds.Lake).Select(Path.GetFileName).Where(n => n!.StartsWith("dim_", StringComparison.Ordinal) || n.StartsWith("fact_", StringComparison.Ordinal));
        Assert.Empty(lakeTables.Except(model.Tables.Keys));
        foreach (var (name, table) in model.Tables)
        {
            Assert.Equal("/" + name, table.Folder);
            var lakeColumns = (await lake.QueryAsync<(string Name, string Type)>($"select column_name, column_type from (describe select * from read_parquet('{seeds.Lake}/{name}/**/*.parquet', hive_partitioning = false))"))
                .ToDictionary(c => c.Name, c => c.Type, StringComparer.Ordinal);
            Assert.Equal(lakeColumns.Keys, table.Columns.Keys);
            foreach (var (column, type) in table.Columns)
            {
                Assert.True(Compatible(type, lakeColumns[column]), $"{name}.{column}: model says {type}, lake has {lakeColumns[column]}");
                Assert.Contains($"{{\"{column}\", ", table.Query, StringComparison.Ordinal);
            }
        }

        Assert.Contains("dim_fiscal_year", model.Tables.Keys);
        Assert.Contains("sortByColumn: fiscal_year", File.ReadAllText(Path.Combine(PbipProject.DefinitionFolder(dir.Path), "tables", "dim_fiscal_year.tmdl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryRelationshipJoinsAUniqueLakeKeyThatEveryFactRowFinds()
    {
        using var dir = new TempDir();
        await PbipProject.WriteAsync(seeds.Store, dir.Path, null, default);
        var model = Tmdl.Read(PbipProject.DefinitionFolder(dir.Path));
        await using var lake = await OpenLakeAsync();
        Assert.Contains(model.Relationships, r => r == ("fact_initiative", "policy_id", "dim_policy", "policy_id"));
        Assert.Contains(model.Relationships, r => r == ("fact_initiative", "department_id", "dim_department", "department_id"));
        Assert.Contains(model.Relationships, r => r == ("fact_measure", "fiscal_year", "dim_fiscal_year", "fiscal_year"));
        Assert.Contains(model.Relationships, r => r == ("bridge_initiative_lineage", "initiative_id", "fact_initiative", "initiative_id"));
        foreach (var (from, fromColumn, to, toColumn) in model.Relationships)
        {
            Assert.True(model.Tables[from].Columns.ContainsKey(fromColumn) && model.Tables[to].Columns.ContainsKey(toColumn), $"{from}.{fromColumn} → {to}.{toColumn} names a column the model lacks");
            var duplicates = await lake.ExecuteScalarAsync<long>($"select count(*) - count(distinct {toColumn}) from {Read(to)}");
            Assert.True(duplicates == 0, $"{to}.{toColumn} is not unique in the lake ({duplicates} duplicates)");
            var orphans = await lake.ExecuteScalarAsync<long>(
                $"select count(*) from {Read(from)} as f where nullif(cast(f.{fromColumn} as varchar), '') is not null and f.{fromColumn} not in (select {toColumn} from {Read(to)})");
            Assert.True(orphans == 0, $"{from}.{fromColumn}: {orphans} rows find no {to}.{toColumn}");
        }

        // A star: no two relationship paths lead from one table to another.
        Assert.Equal(model.Relationships.Count, model.Relationships.Select(r => (r.From, r.To)).Distinct().Count());
    }

    [Fact]
    public async Task EveryMeasureAndHierarchyNamesColumnsAndMeasuresOfTheModel()
    {
        using var dir = new TempDir();
        await PbipProject.WriteAsync(seeds.Store, dir.Path, null, default);
        var model = Tmdl.Read(PbipProject.DefinitionFolder(dir.Path));
        var measures = model.Tables.Values.SelectMany(t => t.Measures.Keys).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "Initiatives", "Money (yen)", "Achieved share", "Initiatives YoY change", "Initiatives YoY %", "Money (yen) YoY change", "Money (yen) YoY %" }, measures);
        foreach (var (table, dax) in model.Tables.SelectMany(t => t.Value.Measures.Values.Select(d => (t.Key, d))))
        {
            foreach (Match m in ColumnReference().Matches(dax))
            {
                Assert.True(model.Tables.TryGetValue(m.Groups[1].Value, out var t) && t.Columns.ContainsKey(m.Groups[2].Value), $"{table}: {m.Value} is not a column of the model");
            }

            foreach (Match m in MeasureReference().Matches(dax))
            {
                Assert.True(measures.Contains(m.Groups[1].Value), $"{table}: [{m.Groups[1].Value}] is not a measure of the model");
            }
        }

        var policy = File.ReadAllText(Path.Combine(PbipProject.DefinitionFolder(dir.Path), "tables", "dim_policy.tmdl"));
        Assert.Matches(@"hierarchy 'Policy path'\n\t\tlevel Pillar\n\t\t\tcolumn: pillar_title\n\t\tlevel Section\n\t\t\tcolumn: section_title\n\t\tlevel Subsection\n\t\t\tcolumn: subsection_title\n", policy);
        var department = File.ReadAllText(Path.Combine(PbipProject.DefinitionFolder(dir.Path), "tables", "dim_department.tmdl"));
        Assert.Matches(@"hierarchy Organisation\n\t\tlevel Bureau\n\t\t\tcolumn: bureau\n\t\tlevel Department\n\t\t\tcolumn: name\n", department);
        Assert.Contains("displayFolder: Year over year", File.ReadAllText(Path.Combine(PbipProject.DefinitionFolder(dir.Path), "tables", "fact_initiative.tmdl")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FilesAreUtf8WithoutBomAndCarryTheCatalogsDescriptions()
    {
        using var dir = new TempDir();
        var outcome = await PbipProject.WriteAsync(seeds.Store, dir.Path, @"\\server\share\warehouse\parquet", default);
        Assert.True(File.Exists(outcome.ProjectFile));
        foreach (var file in Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var bytes = File.ReadAllBytes(file);
            Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), $"{file} starts with a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
        }

        var definition = PbipProject.DefinitionFolder(dir.Path);
        Assert.Contains("expression LakeFolder = \"\\\\server\\share\\warehouse\\parquet\"", File.ReadAllText(Path.Combine(definition, "expressions.tmdl")), StringComparison.Ordinal);
        var initiative = File.ReadAllText(Path.Combine(definition, "tables", "fact_initiative.tmdl"));
        Assert.Contains("Folder.Files(LakeFolder & \"\\fact_initiative\")", initiative, StringComparison.Ordinal);

        // Descriptions are the COMMENT ON texts, Japanese included.
        await using var db = await seeds.Warehouse.OpenAsync();
        var comment = await db.ExecuteScalarAsync<string>("select comment from duckdb_columns() where table_name = 'fact_initiative' and column_name = 'is_relisted'");
        Assert.Contains("\t/// " + comment!.Split('\n')[0].TrimEnd() + "\n\tcolumn is_relisted\n", initiative, StringComparison.Ordinal);
        Assert.Contains("(再掲)", initiative, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewColumnOfTheWarehouseAppearsInTheModelWithoutHandEdits()
    {
        using var dir = new TempDir();
        var copy = Path.Combine(dir.Path, SnapshotStore.DatabaseFile);
        File.Copy(seeds.Warehouse.LoadedDatabase, copy);
        await using (var db = new DuckDBConnection($"Data Source={copy}"))
        {
            await db.OpenAsync();
            await db.ExecuteAsync("alter table fact_initiative add column budget_code varchar; comment on column fact_initiative.budget_code is '予算事業コード'; " +
                "create table dim_programme (programme_id varchar, name varchar); comment on table dim_programme is '事業の一覧';" +
                "alter table fact_initiative add column programme_id varchar");
        }

        await using var connection = await SandboxConnection.OpenAsync(copy, null, default);
        var model = SemanticModel.Build(await SemanticCatalog.ReadAsync(connection, default), _ => true);
        var initiative = TmdlWriter.Table(model, model.Tables.Single(t => t.Name == "fact_initiative"), '/');
        Assert.Contains("\t/// 予算事業コード\n\tcolumn budget_code\n\t\tdataType: string\n", initiative, StringComparison.Ordinal);
        Assert.Contains("{\"budget_code\", type text}", initiative, StringComparison.Ordinal);
        Assert.Contains(model.Relationships, r => r == new ModelRelationship("fact_initiative", "programme_id", "dim_programme", "programme_id"));
        Assert.StartsWith("/// 事業の一覧\ntable dim_programme\n", TmdlWriter.Table(model, model.Tables.Single(t => t.Name == "dim_programme"), '/'), StringComparison.Ordinal);
    }

    private async Task<DuckDBConnection> OpenLakeAsync()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return connection;
    }

    private string Read(string table) => $"read_parquet('{seeds.Lake}/{table}/**/*.parquet', hive_partitioning = false)";

    /// <summary>TMDL data type ↔ the Parquet column type DuckDB reports, written apart from the generator's mapping.</summary>
    private static bool Compatible(string tmdl, string lake) => (tmdl, lake) switch
    {
        ("string", "VARCHAR") => true,
        ("int64", "INTEGER" or "BIGINT" or "SMALLINT") => true,
        ("double", "DOUBLE" or "FLOAT") => true,
        ("boolean", "BOOLEAN") => true,
        ("dateTime", "DATE") => true,
        ("dateTime", var t) when t.StartsWith("TIMESTAMP", StringComparison.Ordinal) && !t.Contains("_NS", StringComparison.Ordinal) => true,
        _ => false,
    };

    [GeneratedRegex(@"\b([a-z_][a-z0-9_]*)\[([a-z_][a-z0-9_]*)\]")]
    private static partial Regex ColumnReference();

    [GeneratedRegex(@"(?<![A-Za-z0-9_\]])\[([^\]]+)\]")]
    private static partial Regex MeasureReference();
}
