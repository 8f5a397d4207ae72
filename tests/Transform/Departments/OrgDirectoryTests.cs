using BudgetWarehouse.Loader.Transform.Departments;
using BudgetWarehouse.Loader.Transform.Reference;

namespace BudgetWarehouse.Tests.Transform.Departments;

public class OrgDirectoryTests
{
    private static OrgUnit Unit(string name, string kind, string? parent = null, int? from = null, int? to = null) =>
        new() { Municipality = "市A", Name = name, Kind = kind, Parent = parent, ValidFrom = from, ValidTo = to };

    private static readonly OrgDirectory Base = new(
    [
        Unit("環境局", "局"),
        Unit("環境政策課", "課", "環境局"),
        Unit("清掃課", "課", "環境局"),
        Unit("子ども部", "部", "福祉局", to: 2021),
        Unit("福祉局", "局", to: 2021),
    ]);

    private static StatedChange Stated(string text, int year) =>
        new(Assert.Single(ReorganisationParser.Parse(text, 10)), "市A", year, "doc.txt");

    [Fact]
    public void MergeEndsTheSourcesTheYearBeforeAndStartsTheTarget()
    {
        var d = Base.Apply([Stated("環境政策課と清掃課を「環境政策課」に改編", 2022)]);
        var rows = d.Units.Where(u => u.Name == "環境政策課").OrderBy(u => u.ValidFrom ?? 0).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((null, 2021), (rows[0].ValidFrom, rows[0].ValidTo));
        Assert.Equal((2022, null), (rows[1].ValidFrom, rows[1].ValidTo));
        Assert.Equal("環境局", rows[1].Parent);
        Assert.Equal("document", rows[1].Source);
        Assert.Contains("doc.txt:10", rows[1].Note, StringComparison.Ordinal);
        var cleaning = Assert.Single(d.Units, u => u.Name == "清掃課");
        Assert.Equal(2021, cleaning.ValidTo);
        Assert.NotEqual(OrgDirectory.Key(rows[0]), OrgDirectory.Key(rows[1]));
    }

    [Fact]
    public void MergedUnitsUnknownToTheDirectoryAreAddedEndingTheYearBefore()
    {
        var d = Base.Apply([Stated("収集課と処理課を「資源循環課」に改編", 2022)]);
        Assert.Equal(2021, Assert.Single(d.Units, u => u.Name == "収集課").ValidTo);
        var target = Assert.Single(d.Units, u => u.Name == "資源循環課");
        Assert.Equal(2022, target.ValidFrom);
        Assert.Equal("課", target.Kind);
    }

    [Fact]
    public void CreationUnderAParentStartsInTheDocumentsYearAndStopsBeforeALaterRow()
    {
        var withLater = new OrgDirectory([.. Base.Units, Unit("相談センター", "センター", "環境局", from: 2022)]);
        var d = withLater.Apply([Stated("子ども部に「相談センター」を新設", 2021)]);
        var rows = d.Units.Where(u => u.Name == "相談センター").OrderBy(u => u.ValidFrom).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal((2021, 2021, "子ども部"), (rows[0].ValidFrom, rows[0].ValidTo, rows[0].Parent));
        Assert.Equal("子ども部", d.BureauOf(rows[0]));
        Assert.Equal((2022, (int?)null), (rows[1].ValidFrom, rows[1].ValidTo));
    }

    [Fact]
    public void ACreationTheDirectoryAlreadyHasIsConfirmedNotDuplicated()
    {
        var withIt = new OrgDirectory([.. Base.Units, Unit("相談センター", "センター", null, from: 2021)]);
        var d = withIt.Apply([Stated("子ども部に「相談センター」を新設", 2021)]);
        var row = Assert.Single(d.Units, u => u.Name == "相談センター");
        Assert.Equal("子ども部", row.Parent);
        Assert.Contains("confirmed", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void BureauIsTheNearestBureauOrDepartmentAbove()
    {
        var d = Base.Apply([Stated("環境政策課に「脱炭素推進室」を設置", 2022)]);
        var room = Assert.Single(d.Units, u => u.Name == "脱炭素推進室");
        Assert.Equal("環境局", d.BureauOf(room));
        Assert.Equal("環境局", d.BureauOf(Assert.Single(d.Units, u => u.Name == "環境局")));
    }
}
