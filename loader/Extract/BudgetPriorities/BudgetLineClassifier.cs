using System.Buffers;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Recognises the constructs of a budget-priorities line by its shape alone. Whether a numbered heading is
/// really a heading (and not a sentence that starts with a number) is decided by the parser, which knows
/// the numbering so far; so is whether ■ or ● marks a heading or an item.
/// </summary>
internal static partial class BudgetLineClassifier
{
    /// <summary>Longest heading title accepted; longer lines are prose.</summary>
    public const int MaxHeadingLength = 80;

    // Every construct begins with one of these (after white space); other lines skip the recognisers.
    private static readonly SearchValues<char> ConstructStarts = SearchValues.Create(
        "-・･·●○◎〇•▽→(◇◆□■第IVX<《〈【〔[#*@柱政方基目施重ポテ新改完0123456789");

    public static BudgetLine Classify(string text)
    {
        var t = text.AsSpan().Trim();
        if (t.IsEmpty)
        {
            return new BudgetLine(LineKind.Blank, MarkerKind.None, 0, "", "", false);
        }

        if (!ConstructStarts.Contains(t[0]) && !TextNormalizer.IsCircledNumber(t[0]))
        {
            return BudgetLine.Text(t.ToString());
        }

        if (TableOfContents.IsEntry(t))
        {
            return new BudgetLine(LineKind.Contents, MarkerKind.None, 0, "", t.ToString(), false);
        }

        if (ItemMarkers.TryRead(t, out var item))
        {
            return item;
        }

        if (TextNormalizer.IsCircledNumber(t[0]))
        {
            var body = CleanTitle(t[1..]);
            return IsHeadingTitle(body) && !IsCountedCategory(body)
                ? BudgetLine.Heading(MarkerKind.Circled, TextNormalizer.CircledValue(t[0]), t[0].ToString(), body, false, "circled")
                : BudgetLine.Text(t.ToString());
        }

        return HeadingMarkers.TryRead(text, t, out var heading) ? heading : BudgetLine.Text(t.ToString());
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

    /// <summary>A heading title without the stray table rule some pages print after it (誰もが笑顔で過ごせるまち |).</summary>
    internal static string CleanTitle(ReadOnlySpan<char> title) => title.Trim().TrimEnd("| ").ToString();

    internal static bool IsHeadingTitle(string title)
    {
        var t = title.AsSpan().Trim();
        return t.Length > 0 && t.Length <= MaxHeadingLength && !t.EndsWith("。") && !t.EndsWith(".");
    }

    // ②期限内に完了できなかった取組(6 項目): a category with its count in a sentence, not a heading.
    private static bool IsCountedCategory(string body) => CountedCategoryPattern().IsMatch(body);

    [GeneratedRegex(@"\(\s*\d+\s*(?:項目|件|事業)\s*\)$")]
    private static partial Regex CountedCategoryPattern();
}
