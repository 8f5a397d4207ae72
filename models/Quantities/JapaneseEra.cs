using System.Globalization;
using System.Text;

namespace BudgetWarehouse.Models.Quantities;

/// <summary>
/// Conversions between Japanese era years (令和/平成/昭和, R/H/S, 元年) and Gregorian years, and
/// fiscal-year arithmetic (年度 runs April 1 to March 31).
/// Era boundaries come from <see cref="JapaneseCalendar"/> so that they are the platform's, not ours.
/// </summary>
public static class JapaneseEra
{
    private static readonly JapaneseCalendar Calendar = new();

    // Era numbers as the calendar knows them, found from a date inside each era rather than assumed.
    private static readonly (string Name, char Letter, int Era, int FirstYear)[] Eras =
    [
        Describe("令和", 'R', new DateTime(2019, 5, 1)),
        Describe("平成", 'H', new DateTime(1989, 1, 8)),
        Describe("昭和", 'S', new DateTime(1926, 12, 25)),
    ];

    private static (string, char, int, int) Describe(string name, char letter, DateTime inside)
    {
        var era = Calendar.GetEra(inside);
        // Year 1 of every era contains December 31, whatever day the era began.
        var firstYear = Calendar.ToDateTime(1, 12, 31, 0, 0, 0, 0, era).Year;
        return (name, letter, era, firstYear);
    }

    /// <summary>The eras this helper understands, newest first.</summary>
    public static IEnumerable<string> Names => Eras.Select(e => e.Name);

    /// <summary>True if <paramref name="name"/> is an era name (令和) or its letter (R, r).</summary>
    public static bool IsEra(string name) => TryFind(name, out _);

    /// <summary>
    /// The Gregorian year of <paramref name="eraYear"/> of the named era (令和 2 → 2020, 平成 31 → 2019).
    /// Years past the era's end are accepted (平成32 → 2020), as documents printed before an era change use them.
    /// </summary>
    public static int ToGregorianYear(string era, int eraYear)
    {
        if (!TryFind(era, out var e))
        {
            throw new ArgumentException($"unknown era '{era}'", nameof(era));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(eraYear, 1);
        return e.FirstYear + eraYear - 1;
    }

    /// <summary>Tries <see cref="ToGregorianYear"/>; false for an unknown era or a year below 1.</summary>
    public static bool TryToGregorianYear(string era, int eraYear, out int year)
    {
        year = 0;
        if (eraYear < 1 || !TryFind(era, out var e))
        {
            return false;
        }

        year = e.FirstYear + eraYear - 1;
        return true;
    }

    /// <summary>The era name and era year of a date (2019-04-30 → 平成 31, 2019-05-01 → 令和 1).</summary>
    public static (string Era, int Year) FromDate(DateOnly date)
    {
        var dt = date.ToDateTime(TimeOnly.MinValue);
        var era = Calendar.GetEra(dt);
        foreach (var e in Eras)
        {
            if (e.Era == era)
            {
                return (e.Name, Calendar.GetYear(dt));
            }
        }

        throw new ArgumentOutOfRangeException(nameof(date), date, "date before 昭和");
    }

    /// <summary>
    /// The era in which a fiscal year is named: the era in force at the year's end, unless that era
    /// began after the fiscal year's first calendar year (FY1988 is 昭和63年度, not 平成0年度).
    /// FY2019 is 令和元年度, and 平成31年度 names the same year.
    /// </summary>
    public static (string Era, int Year) FiscalYearEra(int fiscalYear)
    {
        var (era, _) = FromDate(FiscalYearEnd(fiscalYear));
        var e = Eras.First(x => x.Name == era);
        if (e.FirstYear > fiscalYear)
        {
            (era, _) = FromDate(FiscalYearStart(fiscalYear));
            e = Eras.First(x => x.Name == era);
        }

        return (e.Name, fiscalYear - e.FirstYear + 1);
    }

    /// <summary>The conventional label of a fiscal year: 令和2年度, 令和元年度.</summary>
    public static string FiscalYearLabel(int fiscalYear)
    {
        var (era, year) = FiscalYearEra(fiscalYear);
        return year == 1 ? $"{era}元年度" : $"{era}{year}年度";
    }

    /// <summary>April 1 of the fiscal year.</summary>
    public static DateOnly FiscalYearStart(int fiscalYear) => new(fiscalYear, 4, 1);

    /// <summary>March 31 of the following calendar year.</summary>
    public static DateOnly FiscalYearEnd(int fiscalYear) => new(fiscalYear + 1, 3, 31);

    /// <summary>The fiscal year a day falls in: January–March belong to the previous year's.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    /// <summary>
    /// Parses an era year such as 令和2年, 令和元年度, R2, H31, ２０２０年 (after NFKC) and returns the
    /// Gregorian year; whether the text said 年度 is reported separately. False for anything else.
    /// </summary>
    public static bool TryParseYear(string text, out int year, out bool isFiscal)
    {
        year = 0;
        isFiscal = false;
        var s = text.Normalize(NormalizationForm.FormKC).Trim();
        if (s.EndsWith("年度", StringComparison.Ordinal))
        {
            isFiscal = true;
            s = s[..^2];
        }
        else if (s.EndsWith('年'))
        {
            s = s[..^1];
        }

        foreach (var e in Eras)
        {
            string rest;
            if (s.StartsWith(e.Name, StringComparison.Ordinal))
            {
                rest = s[e.Name.Length..];
            }
            else if (s.Length > 1 && char.ToUpperInvariant(s[0]) == e.Letter)
            {
                rest = s[1..];
            }
            else
            {
                continue;
            }

            if (rest == "元")
            {
                year = e.FirstYear;
                return true;
            }

            return int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                && TryToGregorianYear(e.Name, n, out year);
        }

        return s.Length == 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year >= 1000;
    }

    private static bool TryFind(string name, out (string Name, char Letter, int Era, int FirstYear) era)
    {
        foreach (var e in Eras)
        {
            if (name == e.Name || (name.Length == 1 && char.ToUpperInvariant(name[0]) == e.Letter))
            {
                era = e;
                return true;
            }
        }

        era = default;
        return false;
    }
}
