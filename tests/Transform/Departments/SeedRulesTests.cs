using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>
/// The shipped reference rules on sentences that are not in any seed document, so that the rules are
/// judged as keyword rules rather than as a mapping of the seed's lines.
/// </summary>
public class SeedRulesTests
{
    private static readonly ReferenceData Reference = ReferenceReader.Read(TestPaths.Seeds);

    private static (string Unit, string? Bureau, FactInitiativeRow Row) Assign(string text, int year, string heading = "まちづくりの推進")
    {
        var doc = new ParsedDocument
        {
            Family = DocumentFamilies.BudgetPriorities,
            Policies = [new PolicyNode { Level = 1, Code = "1", Title = heading, Marker = "1", Span = SourceSpan.Line(1) }],
            Initiatives = [new InitiativeNode { Seq = 1, Kind = InitiativeKinds.Item, PolicyCode = "1", Text = text, RawText = text, Span = SourceSpan.Line(2) }],
        };
        var ctx = new DocumentContext
        {
            FileName = "new.txt",
            Sha256 = new string('d', 64),
            DocumentId = "dddddddddddddddd",
            ByteCount = 1,
            LoadedAt = DateTime.UnixEpoch,
            Municipality = "金沢市",
            ManifestFiscalYear = year,
            Reference = Reference,
        };
        var rows = DocumentTransformer.Transform(doc, ctx, "utf-8", 2);
        var row = Assert.Single(rows.Initiatives);
        if (row.DepartmentId == Ids.UnknownDepartment)
        {
            return ("unknown", null, row);
        }

        var directory = new OrgDirectory(Reference.Directory).Apply(rows.DepartmentChanges);
        var unit = directory.Units.Single(u => OrgDirectory.Key(u) == row.DepartmentId);
        return (unit.Name, directory.BureauOf(unit), row);
    }

    [Theory]
    [InlineData("新たな観光ルートを開発", 2020, "観光政策課", "経済局")]
    [InlineData("認知症カフェの開設を支援", 2020, "長寿福祉課", "福祉局")]
    [InlineData("認知症カフェの開設を支援", 2023, "長寿福祉課", "福祉健康局")]
    [InlineData("消防団の詰所を改築", 2020, "消防総務課", "消防局")]
    [InlineData("商店街の空き店舗への出店を支援", 2021, "商業振興課", "経済局")]
    [InlineData("児童虐待の通告窓口を拡充", 2022, "児童相談所", "こども未来局")]
    [InlineData("ごみ出しルールの多言語パンフレットを作成", 2022, "ごみ減量推進課", "環境局")]
    [InlineData("小学校の校舎改築に着手", 2021, "施設課", "教育委員会")]
    [InlineData("橋りょうの長寿命化修繕を推進", 2020, "道路管理課", "土木局")]
    [InlineData("市営住宅の空き家を活用した移住体験住宅を整備", 2020, "住宅政策課", "都市整備局")]
    [InlineData("障害のある方の就労を支援", 2024, "障害福祉課", "福祉健康局")]
    public void KeywordRulesAssignNewSentences(string text, int year, string unit, string bureau)
    {
        var (name, b, row) = Assign(text, year);
        Assert.Equal((unit, bureau), (name, b));
        Assert.Equal("rule", row.DepartmentMethod);
    }

    [Fact]
    public void ARuleForAUnitThatDoesNotYetExistIsNotUsed()
    {
        // ごみ減量推進課 starts in FY2020; before that the rule has no unit to point at.
        var (name, _, row) = Assign("家庭ごみの分別を啓発", 2019);
        Assert.Equal("unknown", name);
        Assert.Contains("ごみ減量推進課 is not in the directory for FY2019", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ConflictingKeywordsStayUnknown()
    {
        var (name, _, row) = Assign("障害のある高齢者の見守りを強化", 2020);
        Assert.Equal("unknown", name);
        Assert.Contains("disagree", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void PathRulesUseTheHeading()
    {
        var (name, _, row) = Assign("新たな取組を検討", 2020, "農林水産業の振興");
        Assert.Equal("農業水産振興課", name);
        Assert.Contains("path ~", row.DepartmentEvidence, StringComparison.Ordinal);
    }
}
