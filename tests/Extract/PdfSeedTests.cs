using BudgetWarehouse.Loader.Analysis;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Loader.Load;
using BudgetWarehouse.Loader.Report;
using Dapper;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>
/// The two seed documents printed to PDF (tests/fixtures/pdf/seed-*.pdf, made by make.sh from the .txt seeds)
/// load into the same facts as the text seeds.
/// </summary>
public class PdfSeedTests
{
    private static readonly string[] Tables =
        ["dim_policy", "fact_initiative", "fact_measure", "fact_milestone", "fact_plan_achievement", "fact_plan_status"];

    internal static string Fixture(string name) => Path.Combine(TestPaths.RepoRoot, "tests", "fixtures", "pdf", name);

    /// <summary>A copy of the seeds whose documents are the PDF prints, under the same names but .pdf.</summary>
    internal static string PdfSeeds(string destination)
    {
        var seeds = TestWarehouse.CopySeeds(destination, _ => false);
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        File.Copy(Fixture("seed-budget.pdf"), Path.Combine(seeds, "documents", "000_f736d30d86fde0e5.pdf"));
        File.Copy(Fixture("seed-plan.pdf"), Path.Combine(seeds, "documents", "004_7bef206085fcb133.pdf"));
        var manifest = Path.Combine(seeds, "manifest.csv");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace(".txt,", ".pdf,", StringComparison.Ordinal));
        return seeds;
    }

    [Fact]
    public async Task SeedPdfsLoadTheSameFactsAsTheTextSeeds()
    {
        using var temp = new TempDir();
        var textWarehouse = Path.Combine(temp.Path, "text");
        var pdfWarehouse = Path.Combine(temp.Path, "pdf");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(TestPaths.Seeds, textWarehouse)).ExitCode);
        Assert.Equal(0, (await TestWarehouse.LoadAsync(PdfSeeds(temp.Path), pdfWarehouse)).ExitCode);

        var expected = Counts(textWarehouse);
        var actual = Counts(pdfWarehouse);
        Assert.True(expected.Values.Sum() > 300, "the text seeds load their facts");
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task EveryFactOfTheSeedPdfsHasThePageOfItsLine()
    {
        using var temp = new TempDir();
        var seeds = PdfSeeds(temp.Path);
        var warehouse = Path.Combine(temp.Path, "pdf");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);
        var lines = Directory.EnumerateFiles(Path.Combine(seeds, "documents")).ToDictionary(f => Path.GetFileName(f), f => SourceText.FromBytes(Path.GetFileName(f), File.ReadAllBytes(f)).Lines);

        using (var db = TestWarehouse.OpenReadOnly(warehouse))
        {
            var rows = 0;
            foreach (var table in Tables)
            {
                var line = table == "fact_initiative" ? "source_line_start" : "source_line";
                foreach (var (file, page, number) in db.Query<(string, int?, int)>($"select d.file_name, t.source_page, t.{line} from {table} t join dim_document d using (document_id)"))
                {
                    Assert.Equal(lines[file][number - 1].Page, page);
                    rows++;
                }
            }

            Assert.True(rows > 400, $"every table's rows were checked, {rows}");
            Assert.True(db.ExecuteScalar<long>("select count(distinct source_page) from fact_initiative") >= 10, "items come from many pages");
        }

        // The text seeds have no pages.
        var textWarehouse = Path.Combine(temp.Path, "text");
        await TestWarehouse.LoadAsync(TestPaths.Seeds, textWarehouse);
        using var text = TestWarehouse.OpenReadOnly(textWarehouse);
        Assert.Equal(0L, text.ExecuteScalar<long>("select count(*) from fact_initiative where source_page is not null"));
    }

    [Fact]
    public async Task ExplainAndTheReportCiteThePageAndLine()
    {
        using var temp = new TempDir();
        var seeds = PdfSeeds(temp.Path);
        var warehouse = Path.Combine(temp.Path, "pdf");
        await TestWarehouse.LoadAsync(seeds, warehouse);
        var (id, page, line) = await Task.Run(() =>
        {
            using var db = TestWarehouse.OpenReadOnly(warehouse);
            return db.QuerySingle<(string, int, int)>("select initiative_id, source_page, source_line_start from fact_initiative where source_page >= 3 order by source_line_start limit 1");
        });

        await using (var connection = await WarehouseDatabase.OpenReadOnlyAsync(Path.Combine(warehouse, SnapshotStore.DatabaseFile), CancellationToken.None))
        {
            var output = new StringWriter();
            Assert.True(await Explainer.ExplainAsync(connection, id, [seeds], output, CancellationToken.None));
            Assert.Contains($"source 000_f736d30d86fde0e5.pdf p.{page} l.{line}", output.ToString(), StringComparison.Ordinal);
        }

        var html = Path.Combine(temp.Path, "report.html");
        await ReportBuilder.WriteAsync(new SnapshotStore(warehouse), html, null, default);
        Assert.Contains($"000_f736d30d86fde0e5.pdf p.{page} l.{line}", await File.ReadAllTextAsync(html), StringComparison.Ordinal);
    }

    [Fact]
    public void SeedPdfLinesCarryTheirPage()
    {
        var source = SourceText.FromBytes("seed-plan.pdf", File.ReadAllBytes(Fixture("seed-plan.pdf")));
        Assert.Equal("pdf", source.Encoding);
        Assert.All(source.Lines, l => Assert.NotNull(l.Page));
        Assert.Equal(Enumerable.Range(1, source.Lines.Count), source.Lines.Select(l => l.Number));
        var pages = source.Lines.Select(l => l.Page!.Value).ToList();
        Assert.Equal(pages.Order(), pages);
        Assert.Equal(1, pages[0]);
        Assert.True(pages[^1] >= 3, $"the print has several pages, got {pages[^1]}");
    }

    private static SortedDictionary<string, long> Counts(string warehouse)
    {
        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in Tables)
        {
            foreach (var (family, count) in db.Query<(string, long)>(
                $"select d.family, count(*) from {table} t join dim_document d using (document_id) group by 1"))
            {
                counts[$"{table}/{family}"] = count;
            }
        }

        foreach (var (kind, count) in db.Query<(string, long)>("select kind, count(*) from fact_initiative group by 1"))
        {
            counts[$"fact_initiative.kind={kind}"] = count;
        }

        return counts;
    }
}
