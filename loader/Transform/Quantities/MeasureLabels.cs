namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// Names what a figure measures from the words around it: the clause before it (実質公債費比率 5.4%),
/// the noun after の (271億円の公共事業規模), or the first cell of its table row.
/// </summary>
internal static class MeasureLabels
{
    private static readonly string[] LeadingNoise = ["うち", "累計", "総額", "合計", "総計", "※", "・", "約", "およそ"];

    private static readonly string[] TrailingNoise = ["総額", "合計", "総計", "累計", "約", "およそ", "概ね", "で", "は", "が", "に", "と", "を", "も", "の"];

    internal static string? CleanCell(string cell)
    {
        var t = cell.AsSpan().Trim();
        var i = 0;
        while (i < t.Length && char.IsAsciiDigit(t[i]))
        {
            i++;
        }

        if (i > 0 && i < t.Length && t[i] is ' ' or '.')
        {
            t = t[(i + 1)..].Trim();
        }

        return t.IsEmpty ? null : t.ToString();
    }

    /// <summary>The measured thing named in the clause before a number: 実質公債費比率 in 実質公債費比率 5.4%.</summary>
    internal static string? CleanLabel(string clause)
    {
        var t = clause.Trim();
        var changed = true;
        while (changed && t.Length > 0)
        {
            changed = false;
            foreach (var w in LeadingNoise)
            {
                if (t.StartsWith(w, StringComparison.Ordinal))
                {
                    t = t[w.Length..].TrimStart();
                    changed = true;
                }
            }

            foreach (var w in TrailingNoise)
            {
                if (t.EndsWith(w, StringComparison.Ordinal))
                {
                    t = t[..^w.Length].TrimEnd();
                    changed = true;
                }
            }
        }

        // 契約額は5年間で → 契約額: the topic marked by は is what the figure measures.
        var topic = t.IndexOf('は');
        if (topic > 0)
        {
            t = t[..topic];
        }

        if (t.Length < 2 || t.Length > 40 || t.Any(char.IsAsciiDigit) || IsInflectionEnding(t[^1]))
        {
            return null;
        }

        return t;
    }

    internal static string? CleanNote(string clause)
    {
        var t = clause.Trim().TrimStart('※', '・');
        return t.Length == 0 ? null : t;
    }

    // 271億円の公共事業規模を確保 → 公共事業規模: the noun after の is what the figure measures.
    internal static string? FollowingLabel(string s, int end)
    {
        if (end >= s.Length || s[end] != 'の')
        {
            return null;
        }

        var i = end + 1;
        while (i < s.Length && !IsHiragana(s[i]) && !Clauses.IsBoundary(s, i) && s[i] != ' ' && !char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var label = s[(end + 1)..i];
        return label.Length is >= 1 and <= 20 ? label : null;
    }

    // Text before a number that is empty or ends in a verb or adjective (上回る) names nothing.
    internal static bool EndsInVerbOrEmpty(string clause)
    {
        var t = clause.TrimEnd();
        return t.Length == 0 || IsInflectionEnding(t[^1]);
    }

    // Endings of verbs and adjectives in their attributive or past form (上回る, された, 多い); 積み立て is a noun.
    private static bool IsInflectionEnding(char c) => c is 'る' or 'た' or 'だ' or 'い' or 'う' or 'く' or 'す' or 'ぐ' or 'む' or 'ぶ' or 'ぬ' or 'つ';

    private static bool IsHiragana(char c) => c is >= '\u3041' and <= '\u309F';
}
