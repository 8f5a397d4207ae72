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
internal static partial class DateScanner
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
            if (TryLetterEraRange(s, i, out var first, out var last, out var rangeEnd))
            {
                // H27~H31, R7・R8年度: fiscal years in letter eras, 年 printed once or not at all.
                result.Add(new DateMention(new JapaneseDate(first, last, DatePrecision.FiscalYear, DateQualifier.At, text.RawSlice(i, rangeEnd)), i, rangeEnd));
                i = rangeEnd;
            }
            else if (TryDate(s, i, contextFiscalYear, out var start, out var end, out var precision, out var phraseEnd))
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
