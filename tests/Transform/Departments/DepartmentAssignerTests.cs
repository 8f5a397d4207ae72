using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform;
using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Transform.Departments;

/// <summary>Department assignment on hand-made documents and a hand-made directory of an invented city.</summary>
public class DepartmentAssignerTests
{
    private static readonly ReferenceData Reference = BuildReference();

    private static ReferenceData BuildReference()
    {
        using var tmp = new TempDir();
        ReferenceFiles.Write(tmp.Path,
            ("departments.csv",
            [
                ReferenceFiles.DirectoryHeader,
                "市A,経済局,局,,,,",
                "市A,観光課,課,経済局,,,",
                "市A,商工課,課,経済局,,,",
                "市A,福祉局,局,,,2020,",
                "市A,福祉健康局,局,,2021,,",
                "市A,高齢福祉課,課,福祉局,,2020,",
                "市A,高齢福祉課,課,福祉健康局,2021,,",
                "市A,障害福祉課,課,福祉局,,2020,",
                "市A,障害福祉課,課,福祉健康局,2021,,",
                "市A,こども部,部,福祉局,,2020,",
                "市A,保育課,課,こども部,,2020,",
                "市A,スポーツ課,課,経済局,,,",
                "市B,観光課,課,,,,",
            ]),
            ("department_rules.csv",
            [
                ReferenceFiles.RulesHeader,
                "R01,市A,観光|誘客,観光課,40,text,",
                "R02,市A,商店街|中小企業,商工課,30,text,",
                "R03,市A,高齢|介護,高齢福祉課,30,text,",
                "R04,市A,障害,障害福祉課,30,text,",
                "R05,市A,保育,保育課,30,text,",
                "R06,市A,スポーツ,スポーツ課,30,text,",
                "R07,市A,にぎわい,商工課,10,path,",
                "R08,市B,温泉,観光課,30,text,",
            ]));
        return ReferenceReader.Read(tmp.Path);
    }

    private static DocumentRows Transform(string? municipality, int year, params (string Text, string? Parent)[] items)
    {
        var policies = new List<PolicyNode>
        {
            new() { Level = 1, Code = "1", Title = "にぎわいのあるまち", Marker = "1", Span = SourceSpan.Line(1) },
        };
        var initiatives = new List<InitiativeNode>();
        var seq = 0;
        var lastItem = 0;
        foreach (var (text, parent) in items)
        {
            seq++;
            var isDetail = parent is not null;
            if (!isDetail)
            {
                lastItem = seq;
            }

            initiatives.Add(new InitiativeNode
            {
                Seq = seq,
                Kind = isDetail ? InitiativeKinds.Detail : InitiativeKinds.Item,
                ParentSeq = isDetail ? lastItem : null,
                PolicyCode = "1",
                Text = text,
                RawText = text,
                Span = SourceSpan.Line(seq + 1),
            });
        }

        var doc = new ParsedDocument { Family = DocumentFamilies.BudgetPriorities, Policies = policies, Initiatives = initiatives };
        var ctx = new DocumentContext
        {
            FileName = "test.txt",
            Sha256 = new string('a', 64),
            DocumentId = "aaaaaaaaaaaaaaaa",
            ByteCount = 1,
            LoadedAt = DateTime.UnixEpoch,
            Municipality = municipality,
            ManifestFiscalYear = year,
            Reference = Reference,
        };
        return DocumentTransformer.Transform(doc, ctx, "utf-8", items.Length + 1);
    }

    private static string NameOf(DocumentRows rows, FactInitiativeRow row)
    {
        var directory = new OrgDirectory(Reference.Directory).Apply(rows.DepartmentChanges);
        return row.DepartmentId == Ids.UnknownDepartment ? "unknown" : directory.Units.Single(u => OrgDirectory.Key(u) == row.DepartmentId).Name;
    }

    [Fact]
    public void TextRuleAssignsWithRuleAndWordsAsEvidence()
    {
        var rows = Transform("市A", 2020, ("海外からの誘客を促進", null));
        var row = Assert.Single(rows.Initiatives);
        Assert.Equal("rule", row.DepartmentMethod);
        Assert.Equal("観光課", NameOf(rows, row));
        Assert.Contains("rule R01", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("「誘客」", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("(経済局)", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void HigherPriorityWins()
    {
        var rows = Transform("市A", 2020, ("商店街で観光客向けの催しを実施", null));
        Assert.Equal("観光課", NameOf(rows, rows.Initiatives[0]));
    }

    [Fact]
    public void PathRuleIsTheFallback()
    {
        var rows = Transform("市A", 2020, ("新たな催しを検討", null));
        var row = rows.Initiatives[0];
        Assert.Equal("商工課", NameOf(rows, row));
        Assert.Contains("path ~ にぎわい", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void EqualPriorityRulesThatDisagreeGiveUnknownWithTheReason()
    {
        var rows = Transform("市A", 2020, ("障害のある高齢者への支援を拡充", null));
        var row = rows.Initiatives[0];
        Assert.Equal(Ids.UnknownDepartment, row.DepartmentId);
        Assert.Equal("none", row.DepartmentMethod);
        Assert.Contains("disagree", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("R03", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("R04", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingMatchingGivesUnknownWithTheReason()
    {
        var rows = Transform("市B", 2020, ("新たな催しを検討", null));
        var row = rows.Initiatives[0];
        Assert.Equal(Ids.UnknownDepartment, row.DepartmentId);
        Assert.Contains("no rule matched", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesOfAnotherMunicipalityDoNotApply()
    {
        var rows = Transform("市A", 2020, ("温泉地の魅力を発信", null));
        var row = rows.Initiatives[0];
        Assert.DoesNotContain("R08", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("rule R07", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Equal("商工課", NameOf(rows, row));
    }

    [Fact]
    public void TheDirectoryOfTheFactsYearDecidesTheRow()
    {
        var in2020 = Transform("市A", 2020, ("介護人材を確保", null));
        var in2023 = Transform("市A", 2023, ("介護人材を確保", null));
        Assert.NotEqual(in2020.Initiatives[0].DepartmentId, in2023.Initiatives[0].DepartmentId);
        Assert.Contains("(福祉局)", in2020.Initiatives[0].DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("(福祉健康局)", in2023.Initiatives[0].DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ARuleWhoseUnitNoLongerExistsIsSkippedAndSaysSo()
    {
        var rows = Transform("市A", 2023, ("保育士を確保", null));
        var row = rows.Initiatives[0];
        Assert.Equal("商工課", NameOf(rows, row));
        Assert.Contains("rule R07", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("skipped: rule R05 matched 「保育」 but 保育課 is not in the directory for FY2023", row.DepartmentEvidence, StringComparison.Ordinal);
        var in2020 = Transform("市A", 2020, ("保育士を確保", null));
        Assert.Contains("rule R05", in2020.Initiatives[0].DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void DetailsInheritTheirItemsDepartment()
    {
        var rows = Transform("市A", 2020, ("スポーツ大会を誘致", null), ("障害者スポーツ教室を開催", "item"));
        var detail = rows.Initiatives[1];
        Assert.Equal(rows.Initiatives[0].DepartmentId, detail.DepartmentId);
        Assert.Equal("rule", detail.DepartmentMethod);
        Assert.StartsWith("inherited from its item", detail.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void ExplicitReorganisationWinsAndItsDetailsFollow()
    {
        var rows = Transform("市A", 2020,
            ("観光課と商工課を「にぎわい創出課」に改編し、商店街の観光振興を推進", null),
            ("中小企業の販路開拓を支援", "item"));
        var item = rows.Initiatives[0];
        Assert.Equal("explicit", item.DepartmentMethod);
        Assert.Equal("にぎわい創出課", NameOf(rows, item));
        Assert.Contains("test.txt:2", item.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Equal(item.DepartmentId, rows.Initiatives[1].DepartmentId);
        Assert.Equal("explicit", rows.Initiatives[1].DepartmentMethod);
        var change = Assert.Single(rows.DepartmentChanges);
        Assert.Equal(2020, change.FiscalYear);
    }

    [Fact]
    public void UnknownMunicipalityAppliesEveryRuleWithoutADirectoryFilterAndSaysSo()
    {
        var rows = Transform(null, 2020, ("温泉地の魅力を発信", null));
        var row = rows.Initiatives[0];
        Assert.Equal("rule", row.DepartmentMethod);
        Assert.Contains("municipality unknown", row.DepartmentEvidence, StringComparison.Ordinal);
        Assert.Contains("R08", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDescriptionParagraphOfAnItemCountsForTextRules()
    {
        var doc = new ParsedDocument
        {
            Family = DocumentFamilies.PlanProgress,
            Policies = [],
            Initiatives =
            [
                new InitiativeNode
                {
                    Seq = 1, Kind = InitiativeKinds.Item, Text = "連携方策の検討", RawText = "連携方策の検討", Span = SourceSpan.Line(1),
                    Description = "市内の商店街と協議し、支援策をまとめました。",
                },
            ],
        };
        var ctx = new DocumentContext
        {
            FileName = "plan.txt",
            Sha256 = new string('c', 64),
            DocumentId = "cccccccccccccccc",
            ByteCount = 1,
            LoadedAt = DateTime.UnixEpoch,
            Municipality = "市A",
            ManifestFiscalYear = 2024,
            Reference = Reference,
        };
        var rows = DocumentTransformer.Transform(doc, ctx, "utf-8", 2);
        var row = Assert.Single(rows.Initiatives);
        Assert.Equal("商工課", NameOf(rows, row));
        Assert.Contains("「商店街」", row.DepartmentEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutReferenceDataEverythingIsUnknownWithAReason()
    {
        var doc = new ParsedDocument
        {
            Family = DocumentFamilies.BudgetPriorities,
            Policies = [],
            Initiatives = [new InitiativeNode { Seq = 1, Kind = InitiativeKinds.Item, Text = "誘客を促進", RawText = "誘客を促進", Span = SourceSpan.Line(1) }],
        };
        var ctx = new DocumentContext { FileName = "t.txt", Sha256 = new string('b', 64), DocumentId = "bbbbbbbbbbbbbbbb", ByteCount = 1, LoadedAt = DateTime.UnixEpoch, ManifestFiscalYear = 2020 };
        var row = Assert.Single(DocumentTransformer.Transform(doc, ctx, "utf-8", 1).Initiatives);
        Assert.Equal(Ids.UnknownDepartment, row.DepartmentId);
        Assert.False(string.IsNullOrEmpty(row.DepartmentEvidence));
    }
}
