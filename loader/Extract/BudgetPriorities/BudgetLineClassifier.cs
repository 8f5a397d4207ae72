using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Recognises the constructs of a budget-priorities line by its shape alone. Whether a numbered heading is
/// really a heading (and not a sentence that starts with a number) is decided by the parser, which knows
/// the numbering so far.
/// </summary>
internal static partial class BudgetLineClassifier
{
    /// <summary>Longest heading title accepted; longer lines are prose.</summary>
    public const int MaxHeadingLength = 80;

    public static BudgetLine Classify(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.IsEmpty)
        {
            return new BudgetLine(LineKind.Blank, MarkerKind.None, 0, "", "", false);
        }

        if (!MayStartConstruct(t[0]))
        {
            return Text(t);
        }

        var item = ItemPattern().Match(text);
        if (item.Success)
        {
            return new BudgetLine(LineKind.Item, MarkerKind.None, 0, item.Groups["m"].Value.Trim(), item.Groups["body"].Value.Trim(), false);
        }

        var detail = MarkedDetailPattern().Match(text);
        if (detail.Success)
        {
            return new BudgetLine(LineKind.MarkedDetail, MarkerKind.None, 0, "-", detail.Groups["body"].Value.Trim(), false);
        }

        if (TextNormalizer.IsCircledNumber(t[0]))
        {
            var body = t[1..].Trim().ToString();
            return IsHeadingTitle(body)
                ? new BudgetLine(LineKind.Heading, MarkerKind.Circled, TextNormalizer.CircledValue(t[0]), t[0].ToString(), body, false)
                : Text(t);
        }

        var paren = ParenPattern().Match(text);
        if (paren.Success && IsHeadingTitle(paren.Groups["title"].Value))
        {
            return new BudgetLine(LineKind.Heading, MarkerKind.Paren, int.Parse(paren.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                $"({paren.Groups["n"].Value})", paren.Groups["title"].Value.Trim(), false);
        }

        var diamond = DiamondPattern().Match(text);
        if (diamond.Success && IsHeadingTitle(diamond.Groups["title"].Value))
        {
            return new BudgetLine(LineKind.Heading, MarkerKind.Diamond, 0, diamond.Groups["m"].Value, diamond.Groups["title"].Value.Trim(), false);
        }

        var numbered = PrefixedNumberPattern().Match(text);
        var prefixed = numbered.Success;
        if (!numbered.Success)
        {
            numbered = NumberPattern().Match(text);
        }

        if (numbered.Success && IsHeadingTitle(numbered.Groups["title"].Value))
        {
            var num = numbered.Groups["num"].Value;
            var roman = RomanValue(num);
            var kind = roman > 0 ? MarkerKind.Roman : MarkerKind.Arabic;
            var value = roman > 0 ? roman : int.Parse(num, System.Globalization.CultureInfo.InvariantCulture);
            return new BudgetLine(LineKind.Heading, kind, value, numbered.Groups["marker"].Value.Trim(), numbered.Groups["title"].Value.Trim(), prefixed);
        }

        return Text(t);
    }

    /// <summary>Value of a Roman numeral made of I, V and X (1–39), or 0.</summary>
    public static int RomanValue(string s)
    {
        if (s.Length == 0 || s.Any(c => c is not ('I' or 'V' or 'X')))
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var v = s[i] switch { 'I' => 1, 'V' => 5, _ => 10 };
            var next = i + 1 < s.Length ? s[i + 1] switch { 'I' => 1, 'V' => 5, _ => 10 } : 0;
            total += v < next ? -v : v;
        }

        return total;
    }

    /// <summary>
    /// Whether a line whose first character (after white space, which every pattern below skips with \s*) is
    /// <paramref name="c"/> can be anything but text: every pattern starts with one of these characters, so plain
    /// lines skip the six pattern matches.
    /// </summary>
    private static bool MayStartConstruct(char c) =>
        c is '-' or '・' or '･' or '·' or '●' or '○' or '◎' or '(' or '◇' or '◆' or '□' or '■' or '第' or 'I' or 'V' or 'X'
        || char.IsDigit(c) || TextNormalizer.IsCircledNumber(c);

    private static BudgetLine Text(ReadOnlySpan<char> t) => new(LineKind.Text, MarkerKind.None, 0, "", t.ToString(), false);

    private static bool IsHeadingTitle(string title)
    {
        var t = title.AsSpan().Trim();
        return t.Length > 0 && t.Length <= MaxHeadingLength && !t.EndsWith("。") && !t.EndsWith(".");
    }

    // "- ・text", "・text", "- ・ text", "●text". A bullet inside a word (移住・定住) is never at the start.
    [GeneratedRegex(@"^\s*(?<m>(?:-\s*)?[・･·●○◎])\s*(?<body>\S.*)$")]
    private static partial Regex ItemPattern();

    // " - text": a detail marked by a hyphen but no bullet.
    [GeneratedRegex(@"^\s*-\s+(?<body>[^\s・･·●○◎].*)$")]
    private static partial Regex MarkedDetailPattern();

    [GeneratedRegex(@"^\s*\(\s*(?<n>\d{1,2})\s*\)\s*(?<title>\S.*)$")]
    private static partial Regex ParenPattern();

    [GeneratedRegex(@"^\s*(?<m>[◇◆□])\s*(?<title>\S.*)$")]
    private static partial Regex DiamondPattern();

    // "■IV 誰もが…", "■I元気…", "第1 …": the prefix makes the separator optional.
    [GeneratedRegex(@"^\s*(?<marker>(?:[■□◆]\s*|第\s*)(?<num>[IVX]{1,5}|\d{1,2})(?:\s*[.、:]\s*|\s*))(?<title>[^\s\d.、:A-Za-z].*)$")]
    private static partial Regex PrefixedNumberPattern();

    // "1 元気で…", "I. 元気で…", "2.伝統と…": a separator is required so that "1人1台…" is text.
    [GeneratedRegex(@"^\s*(?<marker>(?<num>[IVX]{1,5}|\d{1,2})(?:\s*[.、:]\s*|\s+))(?<title>[^\s\d.、:].*)$")]
    private static partial Regex NumberPattern();
}
