using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Extract;

// VARIANTS F for budget documents: dates, periods and schedules, one invented phrase each.
public class BudgetDateTests
{
    private static List<MilestoneMention> Milestones(string text, int fiscalYear = 2025)
    {
        var mapped = MappedText.Create(text);
        return MilestoneDetector.Detect(mapped, DateScanner.Scan(mapped, fiscalYear));
    }

    private static List<DateMention> Dates(string text, int? fiscalYear = null) => DateScanner.Scan(MappedText.Create(text), fiscalYear);

    [Theory]
    [InlineData("図書館を改修(令和9年秋開設予定)", "2027-09-01", DatePrecision.Season, true)]
    [InlineData("交流館(令和8年4月1日オープン)", "2026-04-01", DatePrecision.Day, false)]
    [InlineData("ことし10月に開設する予定", "2025-10-01", DatePrecision.Month, true)]
    public void PlannedOpenings(string text, string start, string precision, bool planned)
    {
        var m = Assert.Single(Milestones(text));
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), m.Date.Start);
        Assert.Equal(precision, m.Date.Precision);
        Assert.Equal(planned, m.IsPlanned);
    }

    [Theory]
    [InlineData("令和6年度(2024年度)", 2024, 2024)]
    [InlineData("R5年度", 2023, 2023)]
    [InlineData("平成27年度∼平成29年度", 2015, 2017)]
    [InlineData("令和2年度〜令和5年度", 2020, 2023)]
    public void FiscalYearsAndRanges(string text, int first, int last)
    {
        var dates = Dates(text);
        Assert.NotEmpty(dates);
        Assert.Equal(first, dates.Min(d => JapaneseEra.FiscalYearOf(d.Date.Start)));
        Assert.Equal(last, dates.Max(d => JapaneseEra.FiscalYearOf(d.Date.End)));
    }

    [Theory]
    [InlineData("令和 6 年 8 月末現在", "2024-08-31")]
    [InlineData("(R6.8 月末現在)", "2024-08-31")]
    public void SpacedDigitsAsOfDates(string text, string day)
    {
        var d = Assert.Single(Dates(text));
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), d.Date.End);
    }

    [Fact]
    public void EndOfAFiscalYear()
    {
        var d = Assert.Single(Dates("令和10年度末まで期間を延長"));
        Assert.Equal(new DateOnly(2029, 3, 31), d.Date.End);
    }
}
