using System.Buffers;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>A date phrase found in a text: the resolved date and where it is in the NFKC working copy.</summary>
/// <param name="Date">The resolved date or period.</param>
/// <param name="Start">First working character of the phrase.</param>
/// <param name="End">One past the phrase including a qualifier such as まで or 中に.</param>
internal sealed record DateMention(JapaneseDate Date, int Start, int End);

/// <summary>
/// Finds Japanese date phrases in NFKC text by scanning: 令和2年10月25日, 令和3年春, 令和3年度, R3.4.1,
/// 平成31年, 令和元年, 2024年度, 10月3日、4日 (a two-day range), 10月上旬, 令和2年度中に, 令和5年度まで,
/// 令和5年度~令和8年度. A month without a year (7月より) is resolved against the fiscal year the text
/// belongs to, when the caller knows it.
/// Seasons are meteorological: 春 March–May, 夏 June–August, 秋 September–November, 冬 December to
/// February of the next year. After 年度 a season stays inside the fiscal year, so 令和3年度春 is
/// April–May 2021. 上旬/中旬/下旬 keep month precision and narrow the range to days 1–10, 11–20, 21–end.
/// </summary>
internal static class DateScanner
{
    private static readonly SearchValues<char> DateStarts = SearchValues.Create("令平昭RHS0123456789");

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    public static List<DateMention> Scan(MappedText text, int? contextFiscalYear = null)
    {
        var result = new List<DateMention>();
        var s = text.Text.AsSpan();
        var i = 0;
        while (i < s.Length)
        {
            // Jump to the next character that can begin a date; most text has none.
            var next = s[i..].IndexOfAny(DateStarts);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (TryDate(s, i, contextFiscalYear, out var start, out var end, out var precision, out var phraseEnd))
            {
                // 令和5年度~令和8年度: a period between two dates.
                var j = phraseEnd;
                if (j < s.Length && (s[j] == '~' || s[j..].StartsWith("から")))
                {
                    var k = s[j] == '~' ? j + 1 : j + 2;
                    if (TryDate(s, k, start.Year, out _, out var end2, out _, out var phraseEnd2) && end2 >= start)
                    {
                        end = end2;
                        phraseEnd = phraseEnd2;
                    }
                }

                var (qualifier, qualifierEnd) = ReadQualifier(s, phraseEnd, precision);
                var raw = text.RawSlice(i, qualifierEnd);
                result.Add(new DateMention(new JapaneseDate(start, end, precision, qualifier, raw), i, qualifierEnd));
                i = qualifierEnd;
            }
            else
            {
                i++;
            }
        }

        return result;
    }

    private static (DateQualifier, int) ReadQualifier(ReadOnlySpan<char> s, int i, string precision)
    {
        var rest = s[i..];
        if (rest.StartsWith("までに"))
        {
            return (DateQualifier.Deadline, i + 3);
        }

        if (rest.StartsWith("まで"))
        {
            return (DateQualifier.Deadline, i + 2);
        }

        if (precision is DatePrecision.FiscalYear or DatePrecision.Year or DatePrecision.Month or DatePrecision.Season)
        {
            if (rest.StartsWith("中に") || rest.StartsWith("内に"))
            {
                return (DateQualifier.Within, i + 2);
            }

            if (rest.StartsWith("中") || rest.StartsWith("内"))
            {
                return (DateQualifier.Within, i + 1);
            }
        }

        if (rest.StartsWith("から") || rest.StartsWith("より") || rest.StartsWith("以降"))
        {
            return (DateQualifier.From, i + 2);
        }

        return (DateQualifier.At, i);
    }

    // One date without a range: year part (era, letter era or four digits), then month, day, season …
    private static bool TryDate(
        ReadOnlySpan<char> s, int i, int? contextYear, out DateOnly start, out DateOnly end, out string precision, out int phraseEnd)
    {
        start = end = default;
        precision = "";
        phraseEnd = i;
        if (i >= s.Length)
        {
            return false;
        }

        if (TryYear(s, i, out var year, out var afterYear, out var dotted))
        {
            if (dotted)
            {
                return TryDottedMonthDay(s, afterYear, year, out start, out end, out precision, out phraseEnd);
            }

            return TryAfterYear(s, afterYear, year, out start, out end, out precision, out phraseEnd);
        }

        if (contextYear is { } fy && TryYearlessMonth(s, i, fy, out start, out end, out precision, out phraseEnd))
        {
            return true;
        }

        return false;
    }

    private static bool TryYear(ReadOnlySpan<char> s, int i, out int year, out int after, out bool dotted)
    {
        year = 0;
        after = i;
        dotted = false;
        var prev = i > 0 ? s[i - 1] : ' ';
        string? era = null;
        int j;
        if (s[i..].StartsWith("令和") || s[i..].StartsWith("平成") || s[i..].StartsWith("昭和"))
        {
            era = s.Slice(i, 2).ToString();
            j = i + 2;
        }
        else if (s[i] is 'R' or 'H' or 'S' && !IsAsciiLetter(prev) && !IsDigit(prev) && i + 1 < s.Length && IsDigit(s[i + 1]))
        {
            era = s[i].ToString();
            j = i + 1;
        }
        else if (IsDigit(s[i]) && !IsDigit(prev) && !IsAsciiLetter(prev) && prev != '第' && prev != '.')
        {
            // Four-digit calendar years only; anything shorter without an era is not a year.
            if (!NumberReader.TryReadNumber(s, i, out var n, out var e) || e - i != 4 || n < 1868 || n > 2200)
            {
                return false;
            }

            if (e < s.Length && s[e] == '年' && !(e + 1 < s.Length && s[e + 1] == '間'))
            {
                year = (int)n;
                after = e + 1;
                return true;
            }

            return false;
        }
        else
        {
            return false;
        }

        while (j < s.Length && s[j] == ' ')
        {
            j++;
        }

        int eraYear;
        if (j < s.Length && s[j] == '元')
        {
            eraYear = 1;
            j++;
        }
        else
        {
            var k = j;
            while (k < s.Length && IsDigit(s[k]) && k - j < 3)
            {
                k++;
            }

            if (k == j || !int.TryParse(s[j..k], out eraYear))
            {
                return false;
            }

            j = k;
        }

        while (j < s.Length && s[j] == ' ')
        {
            j++;
        }

        if (!JapaneseEra.TryToGregorianYear(era, eraYear, out year))
        {
            return false;
        }

        if (j < s.Length && s[j] == '年' && !(j + 1 < s.Length && s[j + 1] == '間'))
        {
            after = j + 1;
            return true;
        }

        // R3.4.1 and R3/4/1, only for letter eras.
        if (era.Length == 1 && j + 1 < s.Length && s[j] is '.' or '/' && IsDigit(s[j + 1]))
        {
            after = j + 1;
            dotted = true;
            return true;
        }

        return false;
    }

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
        if (!TrySmallInt(s, i, out var month, out var j) || month is < 1 or > 12 || j >= s.Length || s[j] != '月')
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
            var (sepLen, crossMonth) = RangeSeparator(s, phraseEnd);
            if (sepLen > 0)
            {
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

    private sealed record Season(int Month, int Length, int YearOffset)
    {
        public int Year(int year) => year + YearOffset;
    }

    private static Season? SeasonMonths(char c, bool fiscal) => c switch
    {
        '春' => fiscal ? new Season(4, 2, 0) : new Season(3, 3, 0),
        '夏' => new Season(6, 3, 0),
        '秋' => new Season(9, 3, 0),
        '冬' => new Season(12, 3, 0),
        _ => null,
    };

    private static int SeasonLength(ReadOnlySpan<char> s)
    {
        if (s.Length > 1 && s[1] is '期' or '頃')
        {
            return 2;
        }

        return s.Length > 2 && s[1..].StartsWith("ごろ") ? 3 : 1;
    }

    private static bool TrySmallInt(ReadOnlySpan<char> s, int i, out int value, out int end)
    {
        value = 0;
        end = i;
        while (end < s.Length && IsDigit(s[end]) && end - i < 2)
        {
            value = (value * 10) + (s[end] - '0');
            end++;
        }

        return end > i && !(end < s.Length && IsDigit(s[end]));
    }

    private static bool IsValidDay(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
