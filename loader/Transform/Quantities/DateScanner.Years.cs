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
