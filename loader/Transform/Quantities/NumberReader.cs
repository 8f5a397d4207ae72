namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>Reads Arabic numbers and Japanese multiplier chains from NFKC text by scanning, without regex.</summary>
internal static class NumberReader
{
    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>
    /// Reads digits with thousands commas (1,503) and a decimal part (5.4) at <paramref name="start"/>.
    /// A comma counts only when exactly three digits follow it, so a list "3,4" is two numbers.
    /// </summary>
    public static bool TryReadNumber(ReadOnlySpan<char> s, int start, out decimal value, out int end)
    {
        value = 0;
        end = start;
        if (start >= s.Length || !IsDigit(s[start]))
        {
            return false;
        }

        var i = start;
        var digits = 0;
        while (i < s.Length)
        {
            if (IsDigit(s[i]))
            {
                if (digits < 19)
                {
                    value = (value * 10) + (s[i] - '0');
                }

                digits++;
                i++;
            }
            else if (s[i] == ',' && IsThreeDigitGroup(s, i + 1))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        if (digits > 18)
        {
            // Too long to be a quantity (an id, a phone number run together).
            return false;
        }

        if (i + 1 < s.Length && (s[i] == '.' || IsNewspaperPoint(s, i)) && IsDigit(s[i + 1]))
        {
            i++;
            var scale = 0.1m;
            var fraction = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (fraction < 10)
                {
                    value += (s[i] - '0') * scale;
                    scale /= 10;
                }

                fraction++;
                i++;
            }
        }

        end = i;
        return true;
    }

    // 4・6%: newspapers print the decimal point as a middle dot; only before a percent sign, so 1・2年生 stays a list.
    private static bool IsNewspaperPoint(ReadOnlySpan<char> s, int i)
    {
        if (s[i] != '・')
        {
            return false;
        }

        var j = i + 1;
        while (j < s.Length && IsDigit(s[j]))
        {
            j++;
        }

        return j > i + 1 && j < s.Length && s[j] is '%' or 'ポ';
    }

    private static bool IsThreeDigitGroup(ReadOnlySpan<char> s, int i) =>
        i + 2 < s.Length && IsDigit(s[i]) && IsDigit(s[i + 1]) && IsDigit(s[i + 2])
        && (i + 3 == s.Length || !IsDigit(s[i + 3]));

    /// <summary>Reads a multiplier word at <paramref name="i"/>: 兆 億 千万 百万 十万 万 千 百.</summary>
    public static bool TryReadMultiplier(ReadOnlySpan<char> s, int i, out decimal factor, out int end)
    {
        factor = 0;
        end = i;
        if (i >= s.Length)
        {
            return false;
        }

        var next = i + 1 < s.Length ? s[i + 1] : '\0';
        switch (s[i])
        {
            case '兆':
                factor = 1_000_000_000_000m;
                end = i + 1;
                return true;
            case '億':
                factor = 100_000_000m;
                end = i + 1;
                return true;
            case '万':
                factor = 10_000m;
                end = i + 1;
                return true;
            case '千' when next == '万':
                factor = 10_000_000m;
                end = i + 2;
                return true;
            case '百' when next == '万':
                factor = 1_000_000m;
                end = i + 2;
                return true;
            case '十' when next == '万':
                factor = 100_000m;
                end = i + 2;
                return true;
            case '千':
                factor = 1_000m;
                end = i + 1;
                return true;
            case '百':
                factor = 100m;
                end = i + 1;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads a chain such as 1,503億1,430万3千 or 2兆3,090億 or a plain number. Each multiplier must be
    /// smaller than the one before; <paramref name="hasMultiplier"/> tells whether any was present.
    /// </summary>
    public static bool TryReadChain(ReadOnlySpan<char> s, int start, out decimal value, out int end, out bool hasMultiplier)
    {
        value = 0;
        end = start;
        hasMultiplier = false;
        var i = start;
        var last = decimal.MaxValue;
        while (TryReadNumber(s, i, out var n, out var afterNumber))
        {
            // 155,550 千円: a space may separate a number from its multiplier.
            var at = afterNumber < s.Length - 1 && s[afterNumber] == ' ' ? afterNumber + 1 : afterNumber;
            if (TryReadMultiplier(s, at, out var factor, out var afterMultiplier) && factor < last)
            {
                // No budget reaches 10^24 yen: a longer run is not an amount, and decimal would overflow.
                if (n >= 1_000_000_000_000m)
                {
                    return false;
                }

                value += n * factor;
                last = factor;
                hasMultiplier = true;
                i = afterMultiplier;
                end = i;
                if (i < s.Length && IsDigit(s[i]))
                {
                    continue;
                }

                // 416 億 5,438 万 2 千円: a space before the next part only when a smaller multiplier follows it.
                if (i + 1 < s.Length && s[i] == ' ' && IsDigit(s[i + 1]) && SmallerPartFollows(s, i + 1, last))
                {
                    i++;
                    continue;
                }

                return true;
            }

            value += n;
            end = afterNumber;
            return true;
        }

        return end > start;
    }

    private static bool SmallerPartFollows(ReadOnlySpan<char> s, int i, decimal last)
    {
        if (!TryReadNumber(s, i, out _, out var afterNumber))
        {
            return false;
        }

        var at = afterNumber < s.Length - 1 && s[afterNumber] == ' ' ? afterNumber + 1 : afterNumber;
        return TryReadMultiplier(s, at, out var factor, out _) && factor < last;
    }
}
