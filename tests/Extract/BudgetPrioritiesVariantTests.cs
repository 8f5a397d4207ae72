using System.Text;
using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Extract;

public class BudgetPrioritiesVariantTests
{
    private static ParsedDocument Parse(string text, string name = "test.txt") =>
        new BudgetPrioritiesParser().Parse(SourceText.FromString(name, text));

    private static ParsedDocument ParseSeed() =>
        Parse(File.ReadAllText(TestPaths.SeedDocument("000_")), "000.txt");

    [Fact]
    public void FlattenedSeedParsesLikeTheOriginal()
    {
        // PDF extraction sometimes returns the whole document as one line with markers mid-line.
        var original = ParseSeed();
        var flattened = string.Join(" ", File.ReadAllLines(TestPaths.SeedDocument("000_")).Where(l => l.Trim().Length > 0).Select(l => l.Trim()));
        var parsed = Parse(flattened);

        Assert.Equal(original.Policies.Select(p => (p.Code, p.Title)), parsed.Policies.Select(p => (p.Code, p.Title)));
        Assert.Equal(original.Initiatives.Select(i => (i.Kind, i.ParentSeq, i.PolicyCode, i.Text)), parsed.Initiatives.Select(i => (i.Kind, i.ParentSeq, i.PolicyCode, i.Text)));
        Assert.Equal(original.Title, parsed.Title);
    }

    [Fact]
    public void FullWidthSeedParsesLikeTheOriginal()
    {
        // The same document typed with full-width digits, parentheses and Latin letters.
        var text = File.ReadAllText(TestPaths.SeedDocument("000_"));
        var wide = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            wide.Append(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '(' or ')' or '%' or '.' ? (char)(c + 0xFEE0) : c);
        }

        var original = ParseSeed();
        var parsed = Parse(wide.ToString());
        Assert.Equal(original.Policies.Select(p => (p.Code, p.Level, p.Title)), parsed.Policies.Select(p => (p.Code, p.Level, p.Title)));
        Assert.Equal(original.Initiatives.Select(i => (i.Kind, i.Span, i.Text)), parsed.Initiatives.Select(i => (i.Kind, i.Span, i.Text)));
    }

    [Fact]
    public void DoubleSpacedBulletsWithoutHyphenParseLikeTheOriginal()
    {
        // Another layout of the same content: bullets without "- ", headings without spaces.
        var lines = File.ReadAllLines(TestPaths.SeedDocument("000_"))
            .Select(l => l.StartsWith("- ・", StringComparison.Ordinal) ? "・" + l[3..].TrimStart() : l);
        var original = ParseSeed();
        var parsed = Parse(string.Join("\n", lines));
        Assert.Equal(original.Initiatives.Select(i => (i.Kind, i.Span, i.Text)), parsed.Initiatives.Select(i => (i.Kind, i.Span, i.Text)));
    }

    [Theory]
    [InlineData("1 元気なまちづくり", LineKind.Heading, MarkerKind.Arabic, 1)]
    [InlineData("■IV 誰もが安心して暮らせるまちづくり", LineKind.Heading, MarkerKind.Roman, 4)]
    [InlineData("■I元気なまちづくり", LineKind.Heading, MarkerKind.Roman, 1)]
    [InlineData("I. 元気なまちづくり", LineKind.Heading, MarkerKind.Roman, 1)]
    [InlineData("(4) 金沢美術工芸大学の振興", LineKind.Heading, MarkerKind.Paren, 4)]
    [InlineData("③商工業の振興", LineKind.Heading, MarkerKind.Circled, 3)]
    [InlineData("◇ 子育て環境の充実", LineKind.Heading, MarkerKind.Diamond, 0)]
    [InlineData("- ・価値創造拠点施設の整備を本格化", LineKind.Item, MarkerKind.None, 0)]
    [InlineData("・価値創造拠点施設の整備を本格化", LineKind.Item, MarkerKind.None, 0)]
    [InlineData("- ・ 金石地区の旧町名復活を推進", LineKind.Item, MarkerKind.None, 0)]
    [InlineData(" - ごみ減量化アドバイザーを設置", LineKind.MarkedDetail, MarkerKind.None, 0)]
    [InlineData("1人1台環境に対応するためのLAN整備", LineKind.Text, MarkerKind.None, 0)]
    [InlineData("5G技術を活用", LineKind.Text, MarkerKind.None, 0)]
    [InlineData("移住・定住の促進", LineKind.Text, MarkerKind.None, 0)]
    [InlineData("24時間相談できる地域生活支援拠点事業を実施", LineKind.Text, MarkerKind.None, 0)]
    internal void ClassifiesLineShapes(string line, LineKind kind, MarkerKind marker, int value)
    {
        var c = BudgetLineClassifier.Classify(TextNormalizer.Normalize(line));
        Assert.Equal(kind, c.Kind);
        Assert.Equal(marker, c.Marker);
        Assert.Equal(value, c.Value);
    }

    [Theory]
    [InlineData("全ての小中学校及び", "市立工業高校で実施", true)]
    [InlineData("公民館、児童館、", "コミュニティセンター", true)]
    [InlineData("移転に併せ、特別支援教育", "サポートセンターを設置", true)]
    [InlineData("建設工事に着手(令和6年", "3月完成予定)", true)]
    [InlineData("職員の処遇", "を改善", true)]
    [InlineData("大浜埠頭周辺の航路泊地の浚渫等を推進", "金沢港開港50周年記念イベントを開催", false)]
    [InlineData("金沢港の整備推進と周辺地域の活性化", "大浜埠頭周辺の航路泊地の浚渫等を推進", false)]
    [InlineData("基金の計画的な積み立て 10億円", "うち教育福祉施設等再整備積立基金 6億円", false)]
    [InlineData("うち教育福祉施設等再整備積立基金 6億円", "文化スポーツ施設再整備積立基金 4億円", false)]
    [InlineData("停留所や車両基地、交通影響調査の実施など", "地域公共交通計画を策定", false)]
    public void WrapRulesJoinOnlyBrokenLines(string previous, string next, bool continues) =>
        Assert.Equal(continues, WrapRules.Continues(previous, next));

    [Fact]
    public void NumberedLinesOutOfSequenceAreNotHeadings()
    {
        var doc = Parse("予算の重点\n\n1 元気なまちづくり\n\n- ・企業誘致を推進\n3 年間の計画で整備\n\n2 安全なまちづくり\n\n- ・防災訓練を実施\n");
        Assert.Equal(["元気なまちづくり", "安全なまちづくり"], doc.Policies.Select(p => p.Title));
        Assert.Contains(doc.Initiatives, i => i.Kind == InitiativeKinds.Detail && i.Text == "3 年間の計画で整備");
    }

    [Fact]
    public void FiscalYearComesFromTheTitleOrTheFinalSupplementaryReference()
    {
        Assert.Equal(2021, Parse("令和3年度当初予算の概要\n\n1 まちづくり\n\n- ・事業を実施\n").InferredFiscalYear);
        Assert.Equal(2019, Parse("平成31年度 予算の重点\n\n1 まちづくり\n\n- ・事業を実施\n").InferredFiscalYear);
        Assert.Equal(2020, Parse("予算の重点\n\n1 まちづくり\n\n- ・令和元年度最終補正予算への前倒し分と合わせ事業を実施\n").InferredFiscalYear);
        Assert.Null(Parse("予算の重点\n\n1 まちづくり\n\n- ・事業を実施\n").InferredFiscalYear);
    }

    [Fact]
    public void EmptyTextIsRejectedWithTheFileName()
    {
        var ex = Assert.Throws<DocumentException>(() => Parse(" \n\n　\n", "notes.txt"));
        Assert.Equal("notes.txt", ex.File);
    }

    [Fact]
    public void TextWithoutStructureLoadsItsLinesInsteadOfBeingRejected()
    {
        // Issue 20: degrade, don't reject. Readable text without headings or items keeps its lines.
        var doc = Parse("これは予算書ではありません。\n単なる文章です。\n", "notes.txt");
        Assert.Empty(doc.Policies);
        Assert.Empty(doc.Initiatives);
        Assert.Equal([(1, SourceLineRoles.Prose), (2, SourceLineRoles.Prose)], doc.SourceLines.Select(l => (l.Line, l.Role)));
    }

    [Fact]
    public void NeverThrowsAnythingButDocumentExceptionOnJunk()
    {
        var random = new Random(20260401);
        const string alphabet = "・-（）()①②■◇IVX1234567890 　\n\r\t、。予算の重点令和年度元億円%％〔再掲〕[]「」ー\u0000\uFFFDabcｱｲｳ";
        for (var n = 0; n < 2000; n++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            try
            {
                Parse(new string(chars));
            }
            catch (DocumentException)
            {
            }
        }
    }
}
