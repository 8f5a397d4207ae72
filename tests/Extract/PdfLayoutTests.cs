using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>Lines of the test PDFs (tests/fixtures/pdf/*.html printed by make.sh) as a reader sees them.</summary>
public class PdfLayoutTests
{
    private static SourceText Read(string name) =>
        SourceText.FromBytes(name, File.ReadAllBytes(PdfSeedTests.Fixture(name)));

    private static int IndexOf(SourceText source, string fragment) =>
        source.Lines.ToList().FindIndex(l => l.Text.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void TwoColumnsReadColumnByColumn()
    {
        var source = Read("two-column.pdf");
        var left = source.Lines.Where(l => l.Text.Contains("左の段", StringComparison.Ordinal) || l.Text.Contains("改めます", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, left.Count); // the left column's first and last line, each on a line of its own
        var leftEnd = IndexOf(source, "改めます");
        var rightStart = IndexOf(source, "右の段");
        Assert.True(IndexOf(source, "左の段") < leftEnd && leftEnd < rightStart, "the whole left column comes before the right one");
        Assert.DoesNotContain(source.Lines, l => l.Text.Contains("左の段", StringComparison.Ordinal) && l.Text.Contains("右の段", StringComparison.Ordinal));
        Assert.DoesNotContain(source.Lines, l => l.Text.Contains('\t', StringComparison.Ordinal));
        Assert.Equal("令和9年度 みどり野市 施策の紹介", source.Lines[0].Text); // the full-width title stays first
    }

    [Fact]
    public void TableRowsStayOneLineWithTabsBetweenCells()
    {
        var source = Read("table-senen.pdf");
        Assert.Contains(source.Lines, l => l.Text == "会計\t令和9年度\t令和8年度\t増減率");
        Assert.Contains(source.Lines, l => l.Text == "特別会計\t18,604,200\t19,020,700\t▲2.2%");
        Assert.Contains(source.Lines, l => l.Text == "見守りセンサー設置事業\t87,450");
        Assert.Contains(source.Lines, l => l.Text == "(単位 千円)");
    }

    [Fact]
    public void RunningHeadersAndPageNumbersAreChrome()
    {
        var source = Read("running-chrome.pdf");
        var chrome = source.Lines.Where(l => l.IsChrome).Select(l => (l.Page, l.Text)).ToList();
        Assert.Equal(
            [(1, "令和9年度 さくら台市 予算の重点"), (1, "- 1 -"), (2, "令和9年度 さくら台市 予算の重点"), (2, "- 2 -"), (3, "令和9年度 さくら台市 予算の重点"), (3, "- 3 -")],
            chrome.Select(c => (c.Page!.Value, c.Text)));
        Assert.DoesNotContain(source.Lines, l => l.IsChrome && l.Text.StartsWith('・'));
    }

    [Fact]
    public void APageNumberShapeIsChromeEvenOnAOnePageDocument()
    {
        var source = Read("two-column.pdf");
        Assert.Equal(["-1-"], source.Lines.Where(l => l.IsChrome).Select(l => l.Text));
    }

    [Fact]
    public void PageNumbersOfTheFormNOverTotalAreChrome()
    {
        var source = Read("full-width.pdf");
        Assert.Equal([(1, "1/2"), (2, "2/2")], source.Lines.Where(l => l.IsChrome).Select(l => (l.Page!.Value, l.Text)));
    }

    [Fact]
    public void ItemBrokenByAPageKeepsBothHalvesWithTheirPages()
    {
        var source = Read("running-chrome.pdf");
        var first = source.Lines[IndexOf(source, "車椅子の席を")];
        var rest = source.Lines[IndexOf(source, "増やす改修を実施")];
        Assert.Equal((2, 3), (first.Page, rest.Page));
        Assert.True(rest.Number > first.Number);
        Assert.All(source.Lines.Where(l => l.Number > first.Number && l.Number < rest.Number), l => Assert.True(l.IsBlank || l.IsChrome, l.Raw));
    }

    [Fact]
    public void FullWidthFormsAndFontArtefactsAreNormalisedAndTheRawKeepsThePrint()
    {
        var source = Read("full-width.pdf");
        Assert.Equal("予算の重点", source.Lines[0].Text); // printed with its letters spaced out
        Assert.Equal("予\t算\tの\t重\t点", source.Lines[0].Raw);
        var expected = new (string Text, string Raw)[]
        {
            ("1 ICTで便利なまち", "１ ＩＣＴで便利なまち"),
            ("・申請書の様式を30種類から12種類に整理(令和10年4月開始予定)", "・申請書の様式を３０種類から１２種類に整理（令和１０年４月開始予定）"),
            ("・子育て支援の申請を手続きアプリで受付", "・⼦育て⽀援の申請を⼿続きアプリで受付"),
            ("・母子手帳の交付を電子化", "・⺟子手帳の交付を電子化"),
            ("・防災・減災の情報をfile形式で公開", "・防災‧減災の情報をﬁle形式で公開"),
        };
        foreach (var (text, raw) in expected)
        {
            Assert.Contains(source.Lines, l => l.Text == text && l.Raw == raw);
        }
    }

    [Theory]
    [InlineData("予 算 の 概 要", "予算の概要")]
    [InlineData("予\t算\tの\t概\t要", "予算の概要")]
    [InlineData("予 算", "予 算")] // two letters: a word and a counter, not a spaced title
    [InlineData("予 算 の 概要", "予 算 の 概要")] // a word of two letters: not spaced letter by letter
    [InlineData("A B C D", "A B C D")]
    [InlineData("予 算\tの 概 要", "予 算\tの 概 要")] // mixed separators: cells, not a title
    public void SpacedOutLettersJoinOnlyWhenEveryLetterStandsAlone(string raw, string expected) =>
        Assert.Equal(expected, PdfText.JoinSpacedLetters(raw));

    [Fact]
    public void ThroughputReadsTheReadableTestPdfsAndSkipsTheBadOnes()
    {
        var folder = Path.GetDirectoryName(PdfSeedTests.Fixture("seed-plan.pdf"))!;
        var (pages, files, seconds) = PdfThroughput.Measure(folder, minPages: 1)!.Value;
        Assert.Equal(Directory.EnumerateFiles(folder, "*.pdf").Count() - 2, files); // all but encrypted.pdf and image-only.pdf
        Assert.True(pages >= 15 + 5 + 3, $"one pass reads every page of the seeds and the others, got {pages}");
        Assert.True(seconds > 0);
        Assert.Null(PdfThroughput.Measure(Path.Combine(folder, "no-such-folder")));
    }
}
