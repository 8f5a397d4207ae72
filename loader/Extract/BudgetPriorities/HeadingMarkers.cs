using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Heading markers other than circled digits: (1), ◇ ◆ □, ■ with or without a number, 第1, label words with a
/// number (柱2, 政策 3, Vision 3, 《ポイント2》, &lt;2&gt;), bracketed captions (【防災・安全】), a markdown #,
/// and bare numbers (2 笑顔…, 2.窓口…, 3)第3次…, II. …). Each recogniser names the heading's scheme.
/// </summary>
internal static partial class HeadingMarkers
{
    private static readonly string[] LabelWords = ["基本方針", "基本目標", "ポイント", "Vision", "政策", "方針", "施策", "重点", "目標", "テーマ", "柱"];

    public static bool TryRead(string text, ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        return t[0] switch
        {
            '(' => TryParen(text, out line),
            '◇' or '◆' or '□' => TryDiamond(t, out line),
            '■' or '第' => TryPrefixed(text, t, out line),
            '<' or '《' or '〈' or '【' or '〔' or '[' => TryBracketed(t, out line),
            '#' or '*' => TryMarkdown(t, out line),
            _ when char.IsAsciiDigit(t[0]) || t[0] is 'I' or 'V' or 'X' => TryNumber(text, t, out line),
            _ => TryLabel(t, out line),
        };
    }

    private static bool TryParen(string text, out BudgetLine line)
    {
        line = default;
        var m = ParenPattern().Match(text);
        var title = m.Success ? BudgetLineClassifier.CleanTitle(m.Groups["title"].ValueSpan) : "";
        if (!BudgetLineClassifier.IsHeadingTitle(title))
        {
            return false;
        }

        var n = m.Groups["n"].Value;
        line = BudgetLine.Heading(MarkerKind.Paren, int.Parse(n, CultureInfo.InvariantCulture), $"({n})", title, false, "paren");
        return true;
    }

    private static bool TryDiamond(ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var title = BudgetLineClassifier.CleanTitle(t[1..]);
        if (!BudgetLineClassifier.IsHeadingTitle(title))
        {
            return false;
        }

        line = BudgetLine.Heading(MarkerKind.Diamond, 0, t[0].ToString(), title, false, t[0].ToString());
        return true;
    }

    // ■IV 誰もが…, ■I元気…, ■II.水と緑…, 第1 …, 第2章 …; ■ without a number is a symbol; 第4次… is prose.
    private static bool TryPrefixed(string text, ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var m = PrefixedNumberPattern().Match(text);
        if (m.Success && BudgetLineClassifier.IsHeadingTitle(m.Groups["title"].Value))
        {
            line = Numbered(m, prefixed: true, t[0] == '第' ? "label:第" + m.Groups["unit"].Value : null);
            return true;
        }

        var title = BudgetLineClassifier.CleanTitle(t[1..]);
        if (t[0] == '■' && BudgetLineClassifier.IsHeadingTitle(title))
        {
            line = BudgetLine.Heading(MarkerKind.Symbol, 0, "■", title, false, "■");
            return true;
        }

        return false;
    }

    // <2>誰もが…, 《ポイント2》, 【柱2】…, 【防災・安全】 (a caption); 【再掲】 alone is a tag, not a heading.
    private static bool TryBracketed(ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var close = t[0] switch { '<' => '>', '《' => '》', '〈' => '〉', '【' => '】', '〔' => '〕', _ => ']' };
        var end = t.IndexOf(close);
        if (end < 2)
        {
            return false;
        }

        var inside = t[1..end].Trim();
        var after = BudgetLineClassifier.CleanTitle(t[(end + 1)..]);
        var label = LabelPrefix(inside);
        var number = inside[label.Length..].Trim();
        if (number.Length is > 0 and <= 2 && int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            var title = after.Length > 0 ? after : inside.ToString();
            line = BudgetLine.Heading(MarkerKind.Label, n, t[..(end + 1)].ToString(), title, true, "label:" + t[0] + label.ToString());
            return BudgetLineClassifier.IsHeadingTitle(title);
        }

        if (after.Length > 0 || ItemTags.Words.Contains(inside.ToString()) || !BudgetLineClassifier.IsHeadingTitle(inside.ToString()))
        {
            return false;
        }

        line = BudgetLine.Heading(MarkerKind.Caption, 0, t[0].ToString() + close, inside.ToString(), false, "caption:" + t[0]);
        return true;
    }

    // **** # 未来へ一歩踏み出す予算-令和7年度予算- ----: a markdown heading between rules.
    private static bool TryMarkdown(ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var s = TrimRule(TrimRule(t, fromEnd: false), fromEnd: true);
        if (s.IsEmpty || s[0] != '#')
        {
            return false;
        }

        var hashes = s.Length - s.TrimStart('#').Length;
        var title = BudgetLineClassifier.CleanTitle(s[hashes..]);
        if (!BudgetLineClassifier.IsHeadingTitle(title))
        {
            return false;
        }

        line = BudgetLine.Heading(MarkerKind.Caption, 0, new string('#', hashes), title, false, "#" + hashes);
        return true;
    }

    // A horizontal rule (****, ----) at one end of a markdown line, not a dash that ends the title (…予算-).
    private static ReadOnlySpan<char> TrimRule(ReadOnlySpan<char> s, bool fromEnd)
    {
        s = s.Trim();
        var rule = 0;
        while (rule < s.Length && s[fromEnd ? s.Length - 1 - rule : rule] is '*' or '-')
        {
            rule++;
        }

        return rule >= 3 ? (fromEnd ? s[..^rule] : s[rule..]).Trim() : s;
    }

    private static bool TryNumber(string text, ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var close = ClosedNumberPattern().Match(text);
        if (close.Success && BudgetLineClassifier.IsHeadingTitle(close.Groups["title"].Value))
        {
            var n = int.Parse(close.Groups["num"].Value, CultureInfo.InvariantCulture);
            line = BudgetLine.Heading(MarkerKind.ArabicClose, n, close.Groups["marker"].Value.Trim(), BudgetLineClassifier.CleanTitle(close.Groups["title"].ValueSpan), false, "arabic)");
            return true;
        }

        // 2 億円 is an amount printed with a space, not heading 2.
        var m = NumberPattern().Match(text);
        if (!m.Success || !BudgetLineClassifier.IsHeadingTitle(m.Groups["title"].Value) || m.Groups["title"].Value[0] is '億' or '万' or '千' or '百' or '兆' or '円' or '%' or '倍')
        {
            return t[0] == 'V' && TryLabel(t, out line);
        }

        line = Numbered(m, prefixed: false, null);
        return true;
    }

    // 柱2 “ふるさと”を磨く…, 政策 3 【防災・安全】, 方針2 財源を生かす(…), Vision 3 つながりを育む….
    private static bool TryLabel(ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var label = LabelPrefix(t);
        if (label.IsEmpty)
        {
            return false;
        }

        var rest = t[label.Length..].TrimStart();
        var digits = 0;
        while (digits < rest.Length && digits < 3 && char.IsAsciiDigit(rest[digits]))
        {
            digits++;
        }

        if (digits is 0 or 3 || (digits < rest.Length && !IsTitleSeparator(rest[digits])))
        {
            return false;
        }

        var n = int.Parse(rest[..digits], CultureInfo.InvariantCulture);
        var title = BudgetLineClassifier.CleanTitle(rest[digits..].TrimStart(".、: "));
        if (title.Length > 2 && title[0] is '【' or '〔' && title[^1] is '】' or '〕')
        {
            title = title[1..^1];
        }

        title = title.Length == 0 ? t.Trim().ToString() : title;
        line = BudgetLine.Heading(MarkerKind.Label, n, t[..(label.Length + (t.Length - label.Length - rest.Length) + digits)].ToString(), title, true, "label:" + label.ToString());
        return BudgetLineClassifier.IsHeadingTitle(title);
    }

    private static bool IsTitleSeparator(char c) => c is ' ' or '.' or '、' or ':' or '【' or '〔' or '“' or '"' or '「';

    private static ReadOnlySpan<char> LabelPrefix(ReadOnlySpan<char> t)
    {
        foreach (var w in LabelWords)
        {
            if (t.StartsWith(w, StringComparison.Ordinal))
            {
                return t[..w.Length];
            }
        }

        return [];
    }

    private static BudgetLine Numbered(Match m, bool prefixed, string? scheme)
    {
        var num = m.Groups["num"].Value;
        var roman = BudgetLineClassifier.RomanValue(num);
        var kind = roman > 0 ? MarkerKind.Roman : MarkerKind.Arabic;
        var value = roman > 0 ? roman : int.Parse(num, CultureInfo.InvariantCulture);
        return BudgetLine.Heading(kind, value, m.Groups["marker"].Value.Trim(), BudgetLineClassifier.CleanTitle(m.Groups["title"].ValueSpan), prefixed,
            scheme ?? (roman > 0 ? "roman" : "arabic"));
    }

    [GeneratedRegex(@"^\s*\(\s*(?<n>\d{1,2})\s*\)\s*(?<title>\S.*)$")]
    private static partial Regex ParenPattern();

    // "■IV 誰もが…", "■I元気…", "第1 …", "第2章 …": the prefix makes the separator optional after ■; 第 needs one (第4次 is a name).
    [GeneratedRegex(@"^\s*(?<marker>(?:[■□◆]\s*(?<num>[IVX]{1,5}|\d{1,2})(?:\s*[.、:]\s*|\s*)|第\s*(?<num>\d{1,2})\s*(?<unit>[章節部])?(?:\s*[.、:]\s*|\s+|(?<=[章節部]))))(?<title>[^\s\d.、:A-Za-z].*)$")]
    private static partial Regex PrefixedNumberPattern();

    // "1 元気で…", "I. 元気で…", "2.窓口…": a separator is required so that "1人1台…" is text.
    [GeneratedRegex(@"^\s*(?<marker>(?<num>[IVX]{1,5}|\d{1,2})(?:\s*[.、:]\s*|\s+))(?<title>[^\s\d.、:].*)$")]
    private static partial Regex NumberPattern();

    // "3)第3次デジタル化推進計画…": a number closed by a parenthesis, not (3).
    [GeneratedRegex(@"^\s*(?<marker>(?<num>\d{1,2})\))\s*(?<title>[^\s\d).、:].*)$")]
    private static partial Regex ClosedNumberPattern();
}
