using System.Globalization;
using System.Text;
using BudgetWarehouse.Loader.Extract.Text;
using Dapper;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>PDFs through the whole load: facts from the test PDFs, and one clear error per unreadable file.</summary>
public class PdfLoadTests
{
    /// <summary>A seeds folder whose documents are the given files, each with a manifest row of the given family.</summary>
    private static string Seeds(string root, params (string Name, byte[] Content, string Family)[] documents)
    {
        var seeds = TestWarehouse.CopySeeds(root, _ => false);
        Directory.CreateDirectory(Path.Combine(seeds, "documents"));
        var manifest = new StringBuilder("file,family,municipality,fiscal_year,title\n");
        foreach (var (name, content, family) in documents)
        {
            File.WriteAllBytes(Path.Combine(seeds, "documents", name), content);
            manifest.Append(CultureInfo.InvariantCulture, $"{name},{family},金沢市,2027,\n");
        }

        File.WriteAllText(Path.Combine(seeds, "manifest.csv"), manifest.ToString());
        return seeds;
    }

    private static byte[] Fixture(string name) => File.ReadAllBytes(PdfSeedTests.Fixture(name));

    [Fact]
    public async Task EachBadPdfGetsItsOwnErrorAndTheOthersLoad()
    {
        using var temp = new TempDir();
        var table = Fixture("table-senen.pdf");
        var seeds = Seeds(temp.Path,
            ("good.pdf", Fixture("running-chrome.pdf"), "budget_priorities"),
            ("locked.pdf", Fixture("encrypted.pdf"), "budget_priorities"),
            ("scan.pdf", Fixture("image-only.pdf"), "budget_priorities"),
            ("cut.pdf", table[..(table.Length / 2)], "budget_priorities"),
            ("page.pdf", "<!DOCTYPE html><html><body>お探しのページは見つかりません</body></html>"u8.ToArray(), "budget_priorities"),
            ("mangled.pdf", [.. "%PDF-1.7\n"u8, .. table.AsSpan(table.Length / 3, 4000), .. "\n%%EOF\n"u8], "budget_priorities"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        var outcome = await TestWarehouse.LoadAsync(seeds, warehouse);
        Assert.NotEqual(0, outcome.ExitCode);

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var results = db.Query<(string File, string Status, string? Error)>("select file_name, status, error from etl_document order by file_name")
            .ToDictionary(r => r.File, r => (r.Status, r.Error ?? ""));
        Assert.Equal(("loaded", ""), results["good.pdf"]);
        Assert.StartsWith("encrypted PDF", results["locked.pdf"].Item2, StringComparison.Ordinal);
        Assert.StartsWith("no text layer; needs OCR", results["scan.pdf"].Item2, StringComparison.Ordinal);
        Assert.StartsWith("truncated PDF", results["cut.pdf"].Item2, StringComparison.Ordinal);
        Assert.StartsWith("not a PDF", results["page.pdf"].Item2, StringComparison.Ordinal);
        Assert.StartsWith("damaged PDF", results["mangled.pdf"].Item2, StringComparison.Ordinal);
        Assert.Equal(5, results.Values.Count(r => r.Status == "rejected"));
        Assert.Equal(6L, db.ExecuteScalar<long>("select count(*) from fact_initiative where kind = 'item'"));
    }

    [Fact]
    public async Task AnItemBrokenByAPageIsOneItemSpanningBothPages()
    {
        using var temp = new TempDir();
        var pdf = Fixture("running-chrome.pdf");
        var seeds = Seeds(temp.Path, ("chrome.pdf", pdf, "budget_priorities"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        var items = db.Query<(string Text, int Start, int End)>("select text, source_line_start, source_line_end from fact_initiative where kind = 'item' order by source_line_start").ToList();
        Assert.Equal(6, items.Count);
        Assert.DoesNotContain(items, i => i.Text.Contains("さくら台市", StringComparison.Ordinal) || i.Text.Contains("- 2 -", StringComparison.Ordinal));
        var broken = Assert.Single(items, i => i.Text.Contains("車椅子", StringComparison.Ordinal));
        Assert.Equal("市民ホールの客席と通路の段差をなくし、車椅子の席を増やす改修を実施", broken.Text);
        var lines = SourceText.FromBytes("chrome.pdf", pdf).Lines;
        Assert.Equal((2, 3), (lines[broken.Start - 1].Page, lines[broken.End - 1].Page));
        Assert.Equal(3L, db.ExecuteScalar<long>("select count(*) from dim_policy where level = 3"));
    }

    [Fact]
    public async Task ATablePageWithThousandYenColumnsGivesTheFactsOfTheSameTableAsText()
    {
        // Whatever the budget rules make of an overview table (policies, items, 千円 measures), the PDF print
        // must give the same facts on the same lines as the text.
        // The same overview typed as a text document, cells separated by spaces.
        const string text = """
            令和9年度 当初予算の概要
            1 予算の規模
            (単位 千円)
            会計 令和9年度 令和8年度 増減率
            一般会計 41,230,000 40,115,000 2.8%
            特別会計 18,604,200 19,020,700 ▲2.2%
            2 主な事業
            (1)高齢者支援
            配食サービス拡充事業 312,600
            見守りセンサー設置事業 87,450
            (2)公園整備
            遊具更新事業 54,900
            園路舗装事業 9,320

            """;
        using var temp = new TempDir();
        var seeds = Seeds(temp.Path,
            ("overview.pdf", Fixture("table-senen.pdf"), "budget_priorities"),
            ("overview.txt", Encoding.UTF8.GetBytes(text), "budget_priorities"));
        var warehouse = Path.Combine(temp.Path, "warehouse");
        Assert.Equal(0, (await TestWarehouse.LoadAsync(seeds, warehouse)).ExitCode);

        using var db = TestWarehouse.OpenReadOnly(warehouse);
        List<string> Facts(string file) => [.. db.Query<string>(
            """
            select concat_ws(' ', 'measure', m.role, m.amount_yen, m.unit, m.source_line) from fact_measure m join dim_document d using (document_id) where d.file_name = $file
            union all select concat_ws(' ', 'initiative', i.kind, i.text, i.source_line_start) from fact_initiative i join dim_document d using (document_id) where d.file_name = $file
            union all select concat_ws(' ', 'policy', p.level, p.source_line) from dim_policy p join dim_document d using (document_id) where d.file_name = $file
            order by 1
            """,
            new { file })];
        var fromText = Facts("overview.txt");
        Assert.Contains("policy 2 11", fromText); // (2)公園整備, on the same line in both
        Assert.Equal(fromText, Facts("overview.pdf"));
    }
}
