using System.Globalization;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// An amount of money the number reader gives up on: more digits than a quantity has, or a multiplier chain
/// beyond what <c>amount_yen</c> (BIGINT) holds (9999999999999億円). It is printed as money, so it is kept as a
/// measure with a null amount and the reason, never dropped in silence.
/// </summary>
internal static class UnreadableAmount
{
    public const string TooLargeReason = "amount exceeds the range of amount_yen (BIGINT, at most 9,223,372,036,854,775,807 yen); kept unparsed";

    private const string Multipliers = "兆億万千百十";

    /// <summary>The amount starting at <paramref name="numberStart"/> when the run of digits and multipliers there ends in 円, else null.</summary>
    public static QuantityMention? TryRead(MappedText text, ReadOnlySpan<char> s, int numberStart)
    {
        var i = numberStart;
        var longest = 0;
        var run = 0;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] is ',' or '.' || Multipliers.Contains(s[i], StringComparison.Ordinal)))
        {
            run = char.IsAsciiDigit(s[i]) ? run + 1 : s[i] == ',' ? run : 0;
            longest = Math.Max(longest, run);
            i++;
        }

        var unit = i < s.Length && s[i] == ' ' ? i + 1 : i;
        var approximate = unit < s.Length && s[unit] == '余';
        if (approximate)
        {
            unit++;
        }

        if (unit >= s.Length || s[unit] != '円')
        {
            return null;
        }

        var end = unit + 1;
        var (start, negative) = QuantityScanner.ReadPrefix(s, numberStart, ref approximate);
        var value = Approximate(s[numberStart..i]);
        var reason = longest > 18
            ? string.Create(CultureInfo.InvariantCulture, $"a number of {longest} digits is too long to read as an amount; kept unparsed")
            : TooLargeReason;
        return new QuantityMention(QuantityKind.Money, negative ? -value : value, null, null, approximate, null, start, numberStart, end,
            text.RawSlice(start, end), reason);
    }

    // The chain read in floating point, which does not overflow where decimal does; NaN when even that is infinite.
    private static double Approximate(ReadOnlySpan<char> chain)
    {
        var total = 0d;
        var part = 0d;
        var number = new System.Text.StringBuilder();
        foreach (var c in chain)
        {
            if (char.IsAsciiDigit(c) || c == '.')
            {
                number.Append(c);
            }
            else if (c != ',' && number.Length > 0)
            {
                part = Parse(number) * Factor(c);
                total += part;
                number.Clear();
            }
            else if (c != ',')
            {
                // 3千万: a multiplier after a multiplier scales the part before it.
                total += (part * Factor(c)) - part;
                part *= Factor(c);
            }
        }

        total += Parse(number);
        return double.IsFinite(total) ? total : double.NaN;
    }

    private static double Parse(System.Text.StringBuilder number) =>
        number.Length > 0 && double.TryParse(number.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v) ? v : 0;

    private static double Factor(char multiplier) => multiplier switch
    {
        '兆' => 1e12,
        '億' => 1e8,
        '万' => 1e4,
        '千' => 1e3,
        '百' => 1e2,
        _ => 10,
    };
}
