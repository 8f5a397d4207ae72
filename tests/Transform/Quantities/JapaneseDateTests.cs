using BudgetWarehouse.Models.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class JapaneseDateTests
{
    private static JapaneseDate One(string text, int? fiscalYear = null) => Assert.Single(Dates(text, fiscalYear)).Date;

    [Theory]
    [InlineData("令和2年10月25日", "2020-10-25", "2020-10-25", DatePrecision.Day)]
    [InlineData("令和２年１０月２５日", "2020-10-25", "2020-10-25", DatePrecision.Day)]
    [InlineData("令和2年10月3日、4日", "2020-10-03", "2020-10-04", DatePrecision.Day)]
    [InlineData("令和2年8月29日、30日", "2020-08-29", "2020-08-30", DatePrecision.Day)]
    [InlineData("令和2年10月3日(土)、4日(日)", "2020-10-03", "2020-10-04", DatePrecision.Day)]
    [InlineData("令和2年8月29日~9月1日", "2020-08-29", "2020-09-01", DatePrecision.Day)]
    [InlineData("令和2年12月30日から1月3日", "2020-12-30", "2021-01-03", DatePrecision.Day)]
    [InlineData("令和3年3月", "2021-03-01", "2021-03-31", DatePrecision.Month)]
    [InlineData("令和2年10月~12月", "2020-10-01", "2020-12-31", DatePrecision.Month)]
    [InlineData("令和3年10月上旬", "2021-10-01", "2021-10-10", DatePrecision.Month)]
    [InlineData("令和3年10月中旬", "2021-10-11", "2021-10-20", DatePrecision.Month)]
    [InlineData("令和3年2月下旬", "2021-02-21", "2021-02-28", DatePrecision.Month)]
    [InlineData("令和3年3月末", "2021-03-31", "2021-03-31", DatePrecision.Day)]
    [InlineData("令和3年春", "2021-03-01", "2021-05-31", DatePrecision.Season)]
    [InlineData("令和3年夏", "2021-06-01", "2021-08-31", DatePrecision.Season)]
    [InlineData("令和3年秋", "2021-09-01", "2021-11-30", DatePrecision.Season)]
    [InlineData("令和3年冬", "2021-12-01", "2022-02-28", DatePrecision.Season)]
    [InlineData("令和3年度春", "2021-04-01", "2021-05-31", DatePrecision.Season)]
    [InlineData("令和3年度", "2021-04-01", "2022-03-31", DatePrecision.FiscalYear)]
    [InlineData("令和元年度", "2019-04-01", "2020-03-31", DatePrecision.FiscalYear)]
    [InlineData("平成31年度", "2019-04-01", "2020-03-31", DatePrecision.FiscalYear)]
    [InlineData("令和3年度末", "2022-03-01", "2022-03-31", DatePrecision.Month)]
    [InlineData("令和元年", "2019-01-01", "2019-12-31", DatePrecision.Year)]
    [InlineData("平成31年4月", "2019-04-01", "2019-04-30", DatePrecision.Month)]
    [InlineData("昭和64年1月7日", "1989-01-07", "1989-01-07", DatePrecision.Day)]
    [InlineData("S63年", "1988-01-01", "1988-12-31", DatePrecision.Year)]
    [InlineData("R3年度", "2021-04-01", "2022-03-31", DatePrecision.FiscalYear)]
    [InlineData("Ｒ２．１０．２５", "2020-10-25", "2020-10-25", DatePrecision.Day)]
    [InlineData("H31.4", "2019-04-01", "2019-04-30", DatePrecision.Month)]
    [InlineData("2024年度", "2024-04-01", "2025-03-31", DatePrecision.FiscalYear)]
    [InlineData("２０２０年", "2020-01-01", "2020-12-31", DatePrecision.Year)]
    [InlineData("令和5年度~令和8年度", "2023-04-01", "2027-03-31", DatePrecision.FiscalYear)]
    [InlineData("令和5年度～令和8年度", "2023-04-01", "2027-03-31", DatePrecision.FiscalYear)]
    public void Notations(string text, string start, string end, string precision)
    {
        var d = One(text);
        Assert.Equal((DateOnly.Parse(start), DateOnly.Parse(end), precision), (d.Start, d.End, d.Precision));
        Assert.Equal(text, d.RawText);
    }

    [Theory]
    [InlineData("令和2年度中に", DateQualifier.Within)]
    [InlineData("令和2年度内", DateQualifier.Within)]
    [InlineData("令和5年度まで", DateQualifier.Deadline)]
    [InlineData("令和3年度までに", DateQualifier.Deadline)]
    [InlineData("令和2年4月から", DateQualifier.From)]
    [InlineData("令和2年4月より", DateQualifier.From)]
    [InlineData("令和2年4月", DateQualifier.At)]
    public void Qualifiers(string text, DateQualifier qualifier) => Assert.Equal(qualifier, One(text).Qualifier);

    [Theory]
    [InlineData("7月より本格運用", 2023, "2023-07-01")]
    [InlineData("2月に開催", 2023, "2024-02-01")]
    [InlineData("4月1日から", 2020, "2020-04-01")]
    public void MonthWithoutYearUsesTheFiscalYear(string text, int fiscalYear, string start) =>
        Assert.Equal(DateOnly.Parse(start), One(text, fiscalYear).Start);

    [Fact]
    public void MonthWithoutYearNeedsAFiscalYear() => Assert.Empty(Dates("7月より本格運用"));

    [Theory]
    [InlineData("4年間")]
    [InlineData("3か月")]
    [InlineData("第2020年")]
    [InlineData("No.R6-7")]
    [InlineData("5G")]
    [InlineData("令和")]
    [InlineData("令和年度")]
    [InlineData("123年")]
    public void NotDates(string text) => Assert.Empty(Dates(text, 2020));

    [Fact]
    public void InvalidDayFallsBackToTheMonth()
    {
        var d = One("令和2年2月30日");
        Assert.Equal(DatePrecision.Month, d.Precision);
        Assert.Equal(new DateOnly(2020, 2, 1), d.Start);
    }

    [Fact]
    public void FiscalYearOfAPeriodIsThatOfItsStart()
    {
        Assert.Equal(2020, One("令和3年3月").FiscalYear);
        Assert.Equal(2021, One("令和3年度").FiscalYear);
    }
}
