using BudgetWarehouse.Loader.Transform.Departments;

namespace BudgetWarehouse.Tests.Transform.Departments;

public class ReorganisationParserTests
{
    [Fact]
    public void TwoUnitsMergedIntoOneOfThem()
    {
        var c = Assert.Single(ReorganisationParser.Parse("事業を一体的に進めるため、道路建設課と道路管理課を「道路課」に改編", 7));
        Assert.Equal(OrgChangeKind.Merge, c.Kind);
        Assert.Equal(["道路建設課", "道路管理課"], c.Sources);
        Assert.Equal("道路課", c.Target);
        Assert.Equal(7, c.Line);
        Assert.Equal("道路建設課と道路管理課を「道路課」に改編", c.Phrase);
    }

    [Fact]
    public void ThreeUnitsListedWithCommaAndOyobiAndTougou()
    {
        var c = Assert.Single(ReorganisationParser.Parse("市民課、保険年金課及び税務課を「市民サービス課」に統合する", 1));
        Assert.Equal(["市民課", "保険年金課", "税務課"], c.Sources);
        Assert.Equal("市民サービス課", c.Target);
    }

    [Fact]
    public void AMergeIntoSomethingThatIsNotAUnitIsIgnored() =>
        Assert.Empty(ReorganisationParser.Parse("AプランとBプランを「新プラン」に改編", 1));

    [Fact]
    public void CreationUnderAParent()
    {
        var c = Assert.Single(ReorganisationParser.Parse("健康政策課に「感染症対策室」を新設し、体制を強化", 3));
        Assert.Equal(OrgChangeKind.Create, c.Kind);
        Assert.Equal("感染症対策室", c.Target);
        Assert.Equal("健康政策課", c.Parent);
        Assert.Empty(c.Sources);
    }

    [Fact]
    public void CreationAtAPlaceHasNoParent()
    {
        var c = Assert.Single(ReorganisationParser.Parse("「新庁舎建設事務所」を旧消防署跡に開設", 3));
        Assert.Equal("新庁舎建設事務所", c.Target);
        Assert.Null(c.Parent);
    }

    [Fact]
    public void UnbracketedHeadquartersIsACreation()
    {
        var c = Assert.Single(ReorganisationParser.Parse("大会の準備のため、国体推進本部を設置", 3));
        Assert.Equal("国体推進本部", c.Target);
        Assert.Equal("本部", ReorganisationParser.KindOf(c.Target));
    }

    [Theory]
    [InlineData("近江町市場に隣接する広場に交流スペースを設置")]
    [InlineData("中小企業の総合応援窓口を開設")]
    [InlineData("協議会を設置し対応策を検討")]
    [InlineData("「いいね金沢ゼミ」を開催")]
    [InlineData("ごみ減量化アドバイザーを設置し、事業者への指導を強化")]
    [InlineData("危機管理センターの供用を開始")]
    public void FacilitiesEventsAndAdvisersAreNotUnits(string text) =>
        Assert.Empty(ReorganisationParser.Parse(text, 1));

    [Theory]
    [InlineData("文化政策課", "課")]
    [InlineData("幼児教育センター", "センター")]
    [InlineData("議会事務局", "事務局")]
    [InlineData("建設事務所", "事務所")]
    [InlineData("準備室", "室")]
    [InlineData("スマイル", null)]
    public void KindFromTheNameEnding(string name, string? kind) => Assert.Equal(kind, ReorganisationParser.KindOf(name));
}
