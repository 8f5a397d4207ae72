using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>
/// Recognises page furniture in a PDF's lines: running headers and footers and page numbers. Only the first
/// and last <see cref="EdgeLines"/> non-blank lines of a page are candidates. A candidate is furniture when,
/// with a number at its start or end masked, it is a candidate on at least two pages and on a third of them (a header that
/// alternates between odd and even pages still qualifies), or when it has a page number's shape that no
/// content line has (<c>-8-</c>, <c>- 8 -</c>, <c>8/20</c>) even on a one-page document.
/// </summary>
internal static partial class PdfChrome
{
    public const int EdgeLines = 2;

    /// <summary>For each page (1-based pages in order) the indexes of its lines that are furniture.</summary>
    public static List<HashSet<int>> Find(IReadOnlyList<IReadOnlyList<string>> pages)
    {
        var candidates = pages.Select(Candidates).ToList();
        var pagesByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in candidates)
        {
            foreach (var key in page.Select(c => c.Key).Distinct(StringComparer.Ordinal))
            {
                pagesByKey[key] = pagesByKey.GetValueOrDefault(key) + 1;
            }
        }

        var needed = Math.Max(2, (pages.Count + 2) / 3);
        var result = new List<HashSet<int>>(pages.Count);
        foreach (var page in candidates)
        {
            result.Add([.. page.Where(c => pagesByKey[c.Key] >= needed || IsPageNumber(c.Text)).Select(c => c.Index)]);
        }

        return result;
    }

    /// <summary>Page-number shapes that do not occur as content: a number between dashes, or n/N.</summary>
    public static bool IsPageNumber(string text) => PageNumber().IsMatch(text);

    private static List<(int Index, string Key, string Text)> Candidates(IReadOnlyList<string> lines)
    {
        var nonBlank = Enumerable.Range(0, lines.Count).Where(i => !string.IsNullOrWhiteSpace(lines[i])).ToList();
        var edge = nonBlank.Take(EdgeLines).Concat(nonBlank.Skip(Math.Max(EdgeLines, nonBlank.Count - EdgeLines))).Distinct();
        return [.. edge.Select(i => (i, Key(lines[i]), lines[i].Trim()))];
    }

    /// <summary>
    /// The line without white space, a number at either end masked as '#': "- 8 -" and "-9-" agree, and so
    /// do "予算の重点 3" and "予算の重点 4". Numbers inside the line stay: "第3節 …" on one page and "第4節 …" on
    /// the next are content.
    /// </summary>
    private static string Key(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        return EdgeNumber().Replace(compact, "#");
    }

    [GeneratedRegex(@"^\D{0,2}\d+|\d+(?:/\d+)?\D{0,2}$")]
    private static partial Regex EdgeNumber();

    [GeneratedRegex(@"^\s*(?:[-‐‑–—―－ー]\s*\d{1,4}\s*[-‐‑–—―－ー]|\d{1,4}\s*/\s*\d{1,4}|[-‐‑–—―－ー]\s*\d{1,4}\s*/\s*\d{1,4}\s*[-‐‑–—―－ー])\s*$")]
    private static partial Regex PageNumber();
}
