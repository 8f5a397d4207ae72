using System.Text.Json.Serialization;
using BudgetWarehouse.Loader.Extract.Text;
using Dapper;
using Parquet;
using Parquet.Serialization;

namespace BudgetWarehouse.Tests.Load;

public class EndToEndTests
{
    private const string BudgetDocument = "select document_id from dim_document where family = 'budget_priorities'";

    [Fact]
    public async Task SeedsLoadWithTheExpectedShape()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse);
        Assert.NotNull(outcome.SnapshotId);
        Assert.Equal(0, outcome.ExitCode); // both families load: nothing rejected

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var doc = db.QuerySingle<(string Id, int Year, string Source, string Title)>(
            "select document_id, fiscal_year, fiscal_year_source, title from dim_document where family = 'budget_priorities'");
        Assert.Equal(2020, doc.Year);
        Assert.Equal("manifest", doc.Source);

        var levels = db.Query<(int Level, long Count)>($"select level, count(*) from dim_policy where document_id = ({BudgetDocument}) group by level order by level").ToList();
        Assert.Equal([(1, 5L), (2, 19L), (3, 53L)], levels);
        var kinds = db.Query<(string Kind, long Count)>($"select kind, count(*) from fact_initiative where document_id = ({BudgetDocument}) group by kind order by kind").ToList();
        Assert.Equal([("detail", 35L), ("item", 274L)], kinds);

        var flags = db.QuerySingle<(long Relisted, long FinalSupplementary, long NewPrograms)>(
            $"select count(*) filter (where is_relisted), count(*) filter (where is_final_supplementary), count(*) filter (where is_new_program) from fact_initiative where document_id = ({BudgetDocument})");
        Assert.Equal(4, flags.Relisted);
        Assert.Equal(3, flags.FinalSupplementary);
        Assert.True(flags.NewPrograms > 0);
        var finalLines = db.Query<(int, int)>($"select source_line_start, source_line_end from fact_initiative where is_final_supplementary and document_id = ({BudgetDocument}) order by 1").ToList();
        Assert.Equal([(248, 248), (283, 284), (308, 308)], finalLines);

        // Every detail points at an item of the same document; nothing lacks a department key.
        Assert.Equal(0L, db.ExecuteScalar<long>("select count(*) from fact_initiative d left join fact_initiative i on i.initiative_id = d.parent_initiative_id where d.kind = 'detail' and (i.kind is null or i.kind <> 'item')"));
        Assert.Equal(0L, db.ExecuteScalar<long>("select count(*) from fact_initiative f left join dim_department d using (department_id) where d.department_id is null"));
        Assert.Equal(1L, db.ExecuteScalar<long>("select count(*) from dim_fiscal_year where fiscal_year = 2020 and label = '令和2年度' and start_date = date '2020-04-01' and end_date = date '2021-03-31'"));
    }

    [Fact]
    public async Task EveryFactsSourceLinesContainItsText()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse);
        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var rows = db.Query<(string File, string Text, int Start, int End)>(
            "select d.file_name, f.text, f.source_line_start, f.source_line_end from fact_initiative f join dim_document d using (document_id)").ToList();
        Assert.NotEmpty(rows);
        var sources = rows.Select(r => r.File).Distinct().ToDictionary(f => f, f =>
            SourceText.FromBytes(f, File.ReadAllBytes(Path.Combine(TestPaths.Seeds, "documents", f))).Lines);
        foreach (var (file, text, start, end) in rows)
        {
            var span = string.Concat(sources[file].Skip(start - 1).Take(end - start + 1).Select(l => l.Text.Trim()));
            Assert.True(Compact(span).Contains(Compact(text), StringComparison.Ordinal), $"{file}:{start}-{end} does not contain '{text}'");
        }
    }

    [Fact]
    public async Task ParquetLakeMatchesDuckDbRowForRow()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse);
        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var tables = db.Query<string>("select table_name from duckdb_tables() where schema_name = 'main' order by 1").ToList();
        Assert.Contains("fact_initiative", tables);
        foreach (var table in tables)
        {
            var expected = db.ExecuteScalar<long>($"select count(*) from \"{table}\"");
            var files = Directory.EnumerateFiles(Path.Combine(warehouse, "parquet", table), "*.parquet", SearchOption.AllDirectories).ToList();
            Assert.NotEmpty(files);
            long actual = 0;
            foreach (var file in files)
            {
                await using var reader = await ParquetReader.CreateAsync(file);
                for (var g = 0; g < reader.RowGroupCount; g++)
                {
                    using var group = reader.OpenRowGroupReader(g);
                    actual += group.RowCount;
                }
            }

            Assert.True(expected == actual, $"{table}: DuckDB has {expected} rows, Parquet {actual}");
        }

        // Facts, policies and lineage are partitioned by fiscal year and keep the column inside the files.
        Assert.True(Directory.Exists(Path.Combine(warehouse, "parquet", "fact_initiative", "fiscal_year=2020")));
        Assert.True(Directory.Exists(Path.Combine(warehouse, "parquet", "dim_policy", "fiscal_year=2020")));
        var policies = new List<PolicyLevel>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(warehouse, "parquet", "dim_policy"), "*.parquet", SearchOption.AllDirectories))
        {
            policies.AddRange((await ParquetSerializer.DeserializeAsync<PolicyLevel>(file)).Data);
        }

        // 5 pillars of the budget document + 3 basic policies in each of the plan report's two reporting years.
        Assert.Equal(5 + 6, policies.Count(p => p.Level == 1 && p.Title is not null));
        var manifest = await File.ReadAllTextAsync(Path.Combine(warehouse, "parquet", "_manifest.json"));
        Assert.Contains("\"fact_initiative\"", manifest, StringComparison.Ordinal);
        Assert.Contains("000_f736d30d86fde0e5.txt", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadingTwiceKeepsEveryIdAndCount()
    {
        using var temp = new TempDir();
        var warehouse = Path.Combine(temp.Path, "warehouse");
        await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse);
        var first = Snapshot(warehouse);
        var second = await TestWarehouse.LoadAsync(TestPaths.Seeds, warehouse);
        Assert.NotNull(second.SnapshotId);
        Assert.Equal(first, Snapshot(warehouse));
        Assert.Single(Directory.EnumerateDirectories(Path.Combine(warehouse, "snapshots")));

        static List<string> Snapshot(string warehouse)
        {
            using var db = TestWarehouse.OpenReadOnly(warehouse);
            return [.. db.Query<string>("select document_id from dim_document union all select policy_id from dim_policy union all select initiative_id || text from fact_initiative order by 1")];
        }
    }

    [Fact]
    public async Task DocumentWithoutManifestRowIsInferredAndAnUnknownYearIsRejected()
    {
        using var temp = new TempDir();
        var seeds = TestWarehouse.CopySeeds(temp.Path, f => f.StartsWith("000_", StringComparison.Ordinal));
        File.Delete(Path.Combine(seeds, "manifest.csv"));
        await File.WriteAllTextAsync(Path.Combine(seeds, "documents", "no_year.txt"), "予算の重点\n\n1 まちづくり\n\n- ・事業を実施\n");
        var outcome = await TestWarehouse.LoadAsync(seeds, Path.Combine(temp.Path, "warehouse"));

        Assert.Equal(2, outcome.ExitCode);
        var rejected = Assert.Single(outcome.Documents, d => d.Status == "rejected");
        Assert.Equal("no_year.txt", rejected.FileName);
        Assert.Contains("fiscal year", rejected.Error, StringComparison.Ordinal);
        using var db = TestWarehouse.OpenReadOnly(Path.Combine(temp.Path, "warehouse"));
        var doc = db.QuerySingle<(int Year, string Source, string Family, string Evidence)>("select fiscal_year, fiscal_year_source, family, fiscal_year_evidence from dim_document");
        Assert.Equal((2020, "inferred", "budget_priorities"), (doc.Year, doc.Source, doc.Family));
        Assert.Contains("最終補正", doc.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingIsPublishedWhenEveryDocumentIsRejected()
    {
        using var temp = new TempDir();
        var seeds = Path.Combine(temp.Path, "seeds");
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        await File.WriteAllBytesAsync(Path.Combine(seeds, "documents", "empty.txt"), []);
        var outcome = await TestWarehouse.LoadAsync(seeds, Path.Combine(temp.Path, "warehouse"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.False(File.Exists(Path.Combine(temp.Path, "warehouse", "budget.duckdb")));
        Assert.Contains(outcome.Documents, d => d.FileName == "empty.txt" && d.Error == "empty file");
    }

    private static string Compact(string s) => s.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>Parquet.Net reads DuckDB's files into nullable properties.</summary>
    private sealed class PolicyLevel
    {
        [JsonPropertyName("level")]
        public int? Level { get; set; }

        [JsonPropertyName("title")]
        public string? Title { get; set; }
    }
}
