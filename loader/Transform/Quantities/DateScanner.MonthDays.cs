using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>Months and days after a year or alone: 10月25日, 4.1, 10月上旬, 3月末, ranges.</summary>
internal static partial class DateScanner
{
    private static bool TryDottedMonthDay(
        ReadOnlySpan<char> s, int i, int year, out DateOnly start, out DateOnly end, out string precision, out int phraseEnd)
    {
        start = end = default;
        precision = "";
        phraseEnd = i;
        if (!TrySmallInt(s, i, out var month, out var j) || month is < 1 or > 12)
        {
            return false;
        }

        if (j + 1 < s.Length && s[j] is '.' or '/' && TrySmallInt(s, j + 1, out var day, out var k) && IsValidDay(year, month, day))
        {
            start = end = new DateOnly(year, month, day);
            precision = DatePrecision.Day;
            phraseEnd = k;
            return true;
        }

        start = new DateOnly(year, month, 1);
        end = start.AddMonths(1).AddDays(-1);
        precision = DatePrecision.Month;
        phraseEnd = j;
        return true;
    }

    private static bool TryAfterYear(
        ReadOnlySpan<char> s, int i, int year, out DateOnly start, out DateOnly end, out string precision, out int phraseEnd)
    {
        // 令和 5 年 9 月: PDF text spaces the digits out.
        if (i + 1 < s.Length && s[i] == ' ' && IsDigit(s[i + 1]))
        {
            i++;
        }

        phraseEnd = i;
        var rest = s[i..];
        if (rest.StartsWith("度"))
        {
            phraseEnd = i + 1;
            start = JapaneseEra.FiscalYearStart(year);
            end = JapaneseEra.FiscalYearEnd(year);
            precision = DatePrecision.FiscalYear;
            var after = s[phraseEnd..];
            if (after.StartsWith("末"))
            {
                start = new DateOnly(year + 1, 3, 1);
                end = new DateOnly(year + 1, 3, 31);
                precision = DatePrecision.Month;
                phraseEnd++;
            }
            else if (after.StartsWith("当初"))
            {
                start = new DateOnly(year, 4, 1);
                end = new DateOnly(year, 4, 30);
                precision = DatePrecision.Month;
                phraseEnd += 2;
            }
            else if (after.Length > 0 && SeasonMonths(after[0], fiscal: true) is { } fs)
            {
                start = new DateOnly(fs.Year(year), fs.Month, 1);
                end = start.AddMonths(fs.Length).AddDays(-1);
                precision = DatePrecision.Season;
                phraseEnd += SeasonLength(after);
            }

            return true;
        }

        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (TryMonthDay(s, i, year, out start, out end, out precision, out phraseEnd))
        {
            return true;
        }

        rest = s[i..];
        if (rest.Length > 0 && SeasonMonths(rest[0], fiscal: false) is { } season)
        {
            start = new DateOnly(season.Year(year), season.Month, 1);
            end = start.AddMonths(season.Length).AddDays(-1);
            precision = DatePrecision.Season;
            phraseEnd = i + SeasonLength(rest);
            return true;
        }

        start = new DateOnly(year, 1, 1);
        end = new DateOnly(year, 12, 31);
        precision = DatePrecision.Year;
        phraseEnd = i;
        if (rest.StartsWith("末"))
        {
            start = new DateOnly(year, 12, 1);
            precision = DatePrecision.Month;
            phraseEnd++;
        }

        return true;
    }

    private static bool TryYearlessMonth(
        ReadOnlySpan<char> s, int i, int fiscalYear, out DateOnly start, out DateOnly end, out string precision, out int phraseEnd)
    {
        start = end = default;
        precision = "";
        phraseEnd = i;
        var prev = i > 0 ? s[i - 1] : ' ';
        if (!IsDigit(s[i]) || IsDigit(prev) || IsAsciiLetter(prev) || prev is '第' or '.' or '/' or '年' or '毎')
        {
            return false;
        }

        if (!TrySmallInt(s, i, out var month, out var j) || month is < 1 or > 12 || j >= s.Length || s[j] != '月')
        {
            return false;
        }

        var year = month >= 4 ? fiscalYear : fiscalYear + 1;
        return TryMonthDay(s, i, year, out start, out end, out precision, out phraseEnd);
    }

    // 10月, 10月25日, 10月3日、4日, 8月29日~9月1日, 10月~12月, 10月上旬, 3月末.
    private static bool TryMonthDay(
        ReadOnlySpan<char> s, int i, int year, out DateOnly start, out DateOnly end, out string precision, out int phraseEnd)
    {
        start = end = default;
        precision = "";
        phraseEnd = i;
        if (!TrySmallInt(s, i, out var month, out var j) || month is < 1 or > 12 || j >= s.Length)
        {
            return false;
        }

        j += j + 1 < s.Length && s[j] == ' ' && s[j + 1] == '月' ? 1 : 0;
        if (s[j] != '月')
        {
            return false;
        }

        j++;
        var monthStart = new DateOnly(year, month, 1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        if (TrySmallInt(s, j, out var day, out var k) && k < s.Length && s[k] == '日' && IsValidDay(year, month, day))
        {
            start = end = new DateOnly(year, month, day);
            precision = DatePrecision.Day;
            phraseEnd = SkipWeekday(s, k + 1);
            ReadDayRangeEnd(s, year, month, start, ref end, ref phraseEnd);
            return true;
        }

        start = monthStart;
        end = monthEnd;
        precision = DatePrecision.Month;
        phraseEnd = j;
        var rest = s[j..];
        if (rest.StartsWith("上旬") || rest.StartsWith("初旬"))
        {
            end = new DateOnly(year, month, 10);
            phraseEnd += 2;
        }
        else if (rest.StartsWith("中旬"))
        {
            start = new DateOnly(year, month, 11);
            end = new DateOnly(year, month, 20);
            phraseEnd += 2;
        }
        else if (rest.StartsWith("下旬"))
        {
            start = new DateOnly(year, month, 21);
            phraseEnd += 2;
        }
        else if (rest.StartsWith("末"))
        {
            start = end;
            precision = DatePrecision.Day;
            phraseEnd += 1;
        }
        else if (rest.Length > 1 && rest[0] == '~' && TrySmallInt(s, j + 1, out var m2, out var afterMonth)
            && afterMonth < s.Length && s[afterMonth] == '月' && m2 is >= 1 and <= 12
            && !(afterMonth + 1 < s.Length && IsDigit(s[afterMonth + 1])))
        {
            var endYear = m2 < month ? year + 1 : year;
            end = new DateOnly(endYear, m2, 1).AddMonths(1).AddDays(-1);
            phraseEnd = afterMonth + 1;
        }

        return true;
    }

    // 10月3日(土): the day of the week belongs to the date.
    private static int SkipWeekday(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && s[i] == '(' && s[i + 1] is '月' or '火' or '水' or '木' or '金' or '土' or '日' or '祝' && s[i + 2] == ')' ? i + 3 : i;

    // 、 between two days of the same month means both days; ~ and から may also cross months.
    private static (int Length, bool CrossMonth) RangeSeparator(ReadOnlySpan<char> s, int i)
    {
        var rest = s[i..];
        if (rest.StartsWith("、") || rest.StartsWith(",") || rest.StartsWith("・"))
        {
            return (1, false);
        }

        if (rest.StartsWith("~") || rest.StartsWith("-"))
        {
            return (1, true);
        }

        if (rest.StartsWith("から"))
        {
            return (2, true);
        }

        return (0, false);
    }

    // The second day of 10月3日、4日 or 8月29日~9月1日, when one follows.
    private static void ReadDayRangeEnd(ReadOnlySpan<char> s, int year, int month, DateOnly start, ref DateOnly end, ref int phraseEnd)
    {
        var (sepLen, crossMonth) = RangeSeparator(s, phraseEnd);
        if (sepLen == 0)
        {
            return;
        }

        var m = phraseEnd + sepLen;
        var endMonth = month;
        if (crossMonth && TrySmallInt(s, m, out var m2, out var afterMonth) && afterMonth < s.Length && s[afterMonth] == '月' && m2 is >= 1 and <= 12)
        {
            endMonth = m2;
            m = afterMonth + 1;
        }

        var endYear = endMonth < month ? year + 1 : year;
        if (TrySmallInt(s, m, out var d2, out var afterDay) && afterDay < s.Length && s[afterDay] == '日' && IsValidDay(endYear, endMonth, d2))
        {
            var candidate = new DateOnly(endYear, endMonth, d2);
            if (candidate > start)
            {
                end = candidate;
                phraseEnd = SkipWeekday(s, afterDay + 1);
            }
        }
    }
}
