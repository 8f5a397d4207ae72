using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>Era and calendar years: 令和2年, R3., 平成元年, 2024年.</summary>
internal static partial class DateScanner
{
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
        else
        {
            return IsDigit(s[i]) && !IsDigit(prev) && !IsAsciiLetter(prev) && prev != '第' && prev != '.'
                && TryCalendarYear(s, i, out year, out after);
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

    // H27~H31, R7・R8年度, R7〜R9: two years of one letter era joined by a range mark or ・, with 年度 after the
    // second or nowhere; the fiscal years from the first to the second.
    private static bool TryLetterEraRange(ReadOnlySpan<char> s, int i, out DateOnly start, out DateOnly end, out int after)
    {
        start = end = default;
        after = i;
        if (s[i] is not ('R' or 'H') || (i > 0 && (IsAsciiLetter(s[i - 1]) || IsDigit(s[i - 1])))
            || !TrySmallInt(s, i + 1, out var first, out var j) || j + 2 >= s.Length
            || s[j] is not ('~' or '〜' or '∼' or '・' or '-') || s[j + 1] != s[i] || !TrySmallInt(s, j + 2, out var second, out var k)
            || (k < s.Length && (IsAsciiLetter(s[k]) || s[k] is '.' or '/' || (s[k] == '年' && !s[k..].StartsWith("年度"))))
            || !JapaneseEra.TryToGregorianYear(s[i].ToString(), first, out var y1) || !JapaneseEra.TryToGregorianYear(s[i].ToString(), second, out var y2) || y2 < y1)
        {
            return false;
        }

        start = new DateOnly(y1, 4, 1);
        end = new DateOnly(y2 + 1, 3, 31);
        after = s[k..].StartsWith("年度") ? k + 2 : k;
        return true;
    }

    // Four-digit calendar years only; anything shorter without an era is not a year.
    private static bool TryCalendarYear(ReadOnlySpan<char> s, int i, out int year, out int after)
    {
        year = 0;
        after = i;
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
}
