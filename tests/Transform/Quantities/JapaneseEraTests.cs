using BudgetWarehouse.Models.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class JapaneseEraTests
{
    [Theory]
    [InlineData("令和", 2, 2020)]
    [InlineData("令和", 1, 2019)]
    [InlineData("平成", 31, 2019)]
    [InlineData("平成", 1, 1989)]
    [InlineData("昭和", 64, 1989)]
    [InlineData("昭和", 1, 1926)]
    [InlineData("R", 3, 2021)]
    [InlineData("H", 30, 2018)]
    [InlineData("S", 63, 1988)]
    [InlineData("r", 3, 2021)]
    public void EraYearToGregorian(string era, int eraYear, int year) => Assert.Equal(year, JapaneseEra.ToGregorianYear(era, eraYear));

    [Theory]
    [InlineData("2019-04-30", "平成", 31)]
    [InlineData("2019-05-01", "令和", 1)]
    [InlineData("1989-01-07", "昭和", 64)]
    [InlineData("1989-01-08", "平成", 1)]
    public void DateToEra(string date, string era, int year) => Assert.Equal((era, year), JapaneseEra.FromDate(DateOnly.Parse(date)));

    [Theory]
    [InlineData(2019, "令和元年度")]
    [InlineData(2020, "令和2年度")]
    [InlineData(2018, "平成30年度")]
    [InlineData(1989, "平成元年度")]
    [InlineData(1988, "昭和63年度")]
    public void FiscalYearLabels(int fiscalYear, string label) => Assert.Equal(label, JapaneseEra.FiscalYearLabel(fiscalYear));

    [Theory]
    [InlineData("平成31年度", 2019, true)]
    [InlineData("令和元年度", 2019, true)]
    [InlineData("Ｒ２年度", 2020, true)]
    [InlineData("令和２年", 2020, false)]
    [InlineData("２０２４年度", 2024, true)]
    public void ParseYear(string text, int year, bool fiscal)
    {
        Assert.True(JapaneseEra.TryParseYear(text, out var y, out var f));
        Assert.Equal((year, fiscal), (y, f));
    }

    [Theory]
    [InlineData("令和0年")]
    [InlineData("大正5年")]
    [InlineData("令和x年")]
    [InlineData("")]
    public void ParseYearRejects(string text) => Assert.False(JapaneseEra.TryParseYear(text, out _, out _));

    [Fact]
    public void FiscalYearBoundaries()
    {
        Assert.Equal(2019, JapaneseEra.FiscalYearOf(new DateOnly(2020, 3, 31)));
        Assert.Equal(2020, JapaneseEra.FiscalYearOf(new DateOnly(2020, 4, 1)));
        Assert.Equal(new DateOnly(2020, 4, 1), JapaneseEra.FiscalYearStart(2020));
        Assert.Equal(new DateOnly(2021, 3, 31), JapaneseEra.FiscalYearEnd(2020));
    }

    // Property: every day from 平成 onwards survives Gregorian → era → text → scanner → Gregorian.
    public static TheoryData<int> Years() => [.. Enumerable.Range(1989, 2030 - 1989 + 1)];

    [Theory]
    [MemberData(nameof(Years))]
    public void EraRoundTripOverEveryDayOfTheYear(int year)
    {
        for (var d = new DateOnly(year, 1, 1); d.Year == year; d = d.AddDays(1))
        {
            var (era, eraYear) = JapaneseEra.FromDate(d);
            Assert.Equal(d.Year, JapaneseEra.ToGregorianYear(era, eraYear));
            var yearText = eraYear == 1 ? "元" : eraYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = $"{era}{yearText}年{d.Month}月{d.Day}日";
            var parsed = Assert.Single(Dates(text)).Date;
            Assert.Equal((d, d), (parsed.Start, parsed.End));
        }
    }

    [Theory]
    [MemberData(nameof(Years))]
    public void FiscalYearLabelRoundTrip(int fiscalYear)
    {
        var label = JapaneseEra.FiscalYearLabel(fiscalYear);
        Assert.True(JapaneseEra.TryParseYear(label, out var parsed, out var fiscal));
        Assert.Equal((fiscalYear, true), (parsed, fiscal));
        var scanned = Assert.Single(Dates(label)).Date;
        Assert.Equal(fiscalYear, scanned.FiscalYear);
        Assert.Equal(DatePrecision.FiscalYear, scanned.Precision);

        // The outgoing era's numbering keeps working past its end, as in documents printed before a change.
        if (fiscalYear >= 1989)
        {
            Assert.True(JapaneseEra.TryParseYear($"平成{fiscalYear - 1988}年度", out var heisei, out _));
            Assert.Equal(fiscalYear, heisei);
        }
    }
}
