using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Finds page numbers and running headers/footers that PDF extraction leaves between content lines.
/// </summary>
internal static partial class PageFurniture
{
    /// <summary>Lines that repeat this often (and are not items) are running headers or footers.</summary>
    public const int RepeatThreshold = 3;

    public static bool IsPageNumber(string text)
    {
        // The pattern starts, after white space, with a dash, a P or a digit: other lines need not run it.
        var t = text.AsSpan().TrimStart();
        return t.Length > 0 && (t[0] is '-' or '‐' or '―' or '─' or 'ー' or '~' or 'P' or 'p' || char.IsDigit(t[0])) && PageNumberPattern().IsMatch(text);
    }

    /// <summary>Indexes (into <paramref name="lines"/>) of page numbers and lines repeated on every page.</summary>
    public static HashSet<int> Find(IReadOnlyList<TextLine> lines)
    {
        var drop = new HashSet<int>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank)
            {
                continue;
            }

            if (IsPageNumber(line.Text))
            {
                drop.Add(i);
                continue;
            }

            var key = line.Text.Trim();
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }

        // The first occurrence of a running header before any content is the document's own title: keep it.
        var firstContent = 0;
        while (firstContent < lines.Count && BudgetLineClassifier.Classify(lines[firstContent].Text).Kind is not (LineKind.Item or LineKind.Heading))
        {
            firstContent++;
        }

        for (var i = firstContent; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank || drop.Contains(i))
            {
                continue;
            }

            var key = line.Text.Trim();
            // Items and numbered sub-headings legitimately repeat (the same ① title under two sections);
            // running headers are plain text or carry a chapter marker.
            if (counts[key] >= RepeatThreshold && key.Length <= 60
                && BudgetLineClassifier.Classify(key) is not ({ Kind: LineKind.Item } or { Kind: LineKind.Heading, Marker: MarkerKind.Paren or MarkerKind.Circled or MarkerKind.Diamond }))
            {
                drop.Add(i);
            }
        }

        return drop;
    }

    // "12", "- 12 -", "―12―", "12/40", "P.12", "12頁", "(12)" alone is a heading marker, so not here.
    [GeneratedRegex(@"^\s*(?:[-‐―─ー~]\s*)?(?:[Pp]\.?\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?\s*(?:頁|ページ)?\s*(?:[-‐―─ー~])?\s*$")]
    private static partial Regex PageNumberPattern();
}
