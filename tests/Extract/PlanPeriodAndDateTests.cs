using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Tests.Extract;

/// <summary>Plan periods in every dash and era form, as-of dates and the year reported on.</summary>
public class PlanPeriodAndDateTests
{
    [Theory]
    [InlineData("計画期間 H26~H29", 2014, 2017)]
    [InlineData("平成28年度～令和元年度", 2016, 2019)]
    [InlineData("平成25年度∼平成29年度", 2013, 2017)]
    [InlineData("令和2年度〜令和5年度", 2020, 2023)]
    [InlineData("R4~R7年度", 2022, 2025)]
    public void Period(string text, int start, int end)
    {
        var p = PlanPeriod.Find(SourceText.FromString("t.txt", text).Lines[0].Text);
        Assert.Equal((start, end), (p?.Start, p?.End));
    }

    [Theory]
    [InlineData("令和 4 年 9 月末現在", "2022-09-30", 2022)]
    [InlineData("(R4.9 月末現在)", "2022-09-30", 2022)]
    [InlineData("H28.3月末時点の実績", "2016-03-31", 2015)]
    [InlineData("令和5年度末現在", "2024-03-31", 2023)]
    [InlineData("2023年12月31日現在", "2023-12-31", 2023)]
    public void AsOf(string text, string date, int year)
    {
        var d = AsOfDate.Find(SourceText.FromString("t.txt", text).Lines[0].Text);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), d);
        Assert.Equal(year, AsOfDate.FiscalYearOf(d!.Value));
    }

    [Fact]
    public void ReportWithoutSectionsTakesItsYearFromTheAsOfDate()
    {
        var doc = new PlanProgressParser().Parse(SourceText.FromString("t.txt", "すずらん町改革プランの取組状況\n令和 4 年 3 月末現在\n完了 3 取組中 12 未着手 1\n"));
        var e = Assert.Single(doc.Achievements);
        Assert.Equal(2021, e.FiscalYear);
        Assert.Equal(2021, doc.InferredFiscalYear);
        Assert.Equal(new DateOnly(2022, 3, 31), e.AsOfDate);
        Assert.Empty(doc.Warnings);
    }
}
