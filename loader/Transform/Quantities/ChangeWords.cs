namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// A change on the year before, in its written forms: 2.7%増加, 実質0・8%増, (同2・1%減), 対前年度比:3.6%減,
/// 前年度比 1.9%↑, 〔対前年度比215億円(4.8%)増〕, 比較で-0.6%の減少. The direction word after the figure
/// (or a parenthesis between them) gives the sign; a minus already printed is not negated again.
/// </summary>
internal static class ChangeWords
{
    private static readonly string[] Increase = ["増加", "増額", "増", "↑", "アップ"];

    private static readonly string[] Decrease = ["減少", "減額", "減", "↓", "ダウン"];

    private static readonly string[] Comparisons = ["前年度比", "前年比", "前年同期比", "比べ", "比較で", "対前年"];

    /// <summary>+1 or −1 when <paramref name="m"/> is a change, or null.</summary>
    public static int? Direction(string s, QuantityMention m, string clause)
    {
        var i = SkipToWord(s, m.End);
        if (i < s.Length && s[i] == 'の')
        {
            i++;
        }

        var rest = s.AsSpan(i);
        foreach (var w in Increase)
        {
            if (rest.StartsWith(w, StringComparison.Ordinal))
            {
                return 1;
            }
        }

        foreach (var w in Decrease)
        {
            if (rest.StartsWith(w, StringComparison.Ordinal))
            {
                return -1;
            }
        }

        // 前年度比 -2億円: a comparison with the sign printed on the figure.
        return Comparisons.Any(c => clause.Contains(c, StringComparison.Ordinal)) ? Math.Sign(m.Value) is -1 ? -1 : 1 : null;
    }

    /// <summary>The figure with the sign of its direction word.</summary>
    public static QuantityMention Signed(QuantityMention m, int direction) =>
        direction < 0 && m.Value > 0
            ? m with { Value = -m.Value, AmountYen = -m.AmountYen }
            : m;

    // Past closing brackets, spaces and one parenthesised figure: 215億円(4.8%)増.
    private static int SkipToWord(string s, int i)
    {
        while (i < s.Length && s[i] is ' ' or ')' or '〕' or ']')
        {
            i++;
        }

        if (i < s.Length && s[i] == '(')
        {
            var close = s.IndexOf(')', i);
            if (close > i && close - i <= 12 && !s.AsSpan(i, close - i).ContainsAny('\n', '、'))
            {
                i = close + 1;
            }
        }

        return i;
    }
}
