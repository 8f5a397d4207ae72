using BudgetWarehouse.Loader.Load.Reference;
using BudgetWarehouse.Loader.Transform.Reference;
using BudgetWarehouse.Loader.Transform.Themes;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Tests.Transform.Departments;

public class ThemeAssignerTests
{
    private static readonly IReadOnlyList<ThemeRule> Rules = BuildRules();

    private static IReadOnlyList<ThemeRule> BuildRules()
    {
        using var tmp = new TempDir();
        ReferenceFiles.Write(tmp.Path,
            ("themes.csv", ["theme,description", "子育て・教育,", "環境,", "観光・交流,", "文化・スポーツ,"]),
            ("theme_rules.csv",
            [
                ReferenceFiles.ThemeRulesHeader,
                "T1,子育て|教育,子育て・教育,25,",
                "T2,環境|ごみ,環境,15,",
                "T3,交流,観光・交流,20,",
                "T4,文化,文化・スポーツ,20,",
            ]));
        return ReferenceReader.Read(tmp.Path).ThemeRules;
    }

    private static List<DimPolicyRow> Tree(params (string Code, string Title, string? Parent)[] nodes) =>
        [.. nodes.Select(n => new DimPolicyRow { PolicyId = "P" + n.Code, Code = n.Code, Title = n.Title, ParentPolicyId = n.Parent is null ? null : "P" + n.Parent })];

    [Fact]
    public void OwnTitleHigherPriorityWins()
    {
        var tree = Tree(("1", "子育て支援環境の充実", null));
        ThemeAssigner.Apply(tree, Rules);
        Assert.Equal("子育て・教育", tree[0].Theme);
        Assert.Contains("rule T1", tree[0].ThemeEvidence, StringComparison.Ordinal);
        Assert.Contains("「子育て」", tree[0].ThemeEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void SilentTitleInheritsFromTheParentWithEvidence()
    {
        var tree = Tree(("1", "ごみの減量", null), ("1.1", "新たな計画づくり", "1"), ("1.1.1", "推進体制", "1.1"));
        ThemeAssigner.Apply(tree, Rules);
        Assert.All(tree, n => Assert.Equal("環境", n.Theme));
        Assert.Contains("inherited from 1.1 「新たな計画づくり」", tree[2].ThemeEvidence, StringComparison.Ordinal);
        Assert.Contains("rule T2", tree[2].ThemeEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void AChildsOwnTitleOverridesTheParent()
    {
        var tree = Tree(("1", "ごみの減量", null), ("1.1", "国際交流の推進", "1"));
        ThemeAssigner.Apply(tree, Rules);
        Assert.Equal("観光・交流", tree[1].Theme);
    }

    [Fact]
    public void ATieBetweenThemesPrefersTheParentsTheme()
    {
        var tree = Tree(("1", "文化の振興", null), ("1.1", "文化交流の推進", "1"), ("2", "交流と文化", null));
        ThemeAssigner.Apply(tree, Rules);
        Assert.Equal("文化・スポーツ", tree[1].Theme);
        Assert.Contains("resolved by the parent's theme", tree[1].ThemeEvidence, StringComparison.Ordinal);
        Assert.Equal("観光・交流", tree[2].Theme);
        Assert.Contains("resolved by file order", tree[2].ThemeEvidence, StringComparison.Ordinal);
    }

    [Fact]
    public void APillarNoRuleMatchesGetsTheFallbackWithTheReason()
    {
        var tree = Tree(("1", "元気なまち", null), ("1.1", "その他の取組", "1"));
        ThemeAssigner.Apply(tree, Rules);
        Assert.Equal(ReferenceData.FallbackTheme, tree[0].Theme);
        Assert.Contains("no theme rule matched", tree[0].ThemeEvidence, StringComparison.Ordinal);
        Assert.Equal(ReferenceData.FallbackTheme, tree[1].Theme);
    }
}
