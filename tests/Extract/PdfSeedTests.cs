using BudgetWarehouse.Loader.Extract.Text;
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
