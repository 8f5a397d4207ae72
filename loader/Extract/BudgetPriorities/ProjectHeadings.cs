using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Numbered lines that are projects, not headings: a line of a nested numbering scheme that ends with its amount and
/// has nothing under it (<c>① 夜間急病センターの運営 52,000千円</c>, followed by the next ① or by a shallower heading)
/// lists a project of the section above, so it is an item with its amount; so is such a line whose amount is in the
/// sentence under it, which becomes its detail. A line that states an amount but has items
/// or deeper headings under it (<c>●大雪対策に12億円</c>) stays a heading; so does the document's top scheme.
/// </summary>
internal static class ProjectHeadings
{
    public static void Resolve(List<TextLine> lines, BudgetLine[] classes, HashSet<int> furniture)
    {
        var schemes = new List<string>(); // in order of first appearance: the depth a scheme nests at
        for (var i = 0; i < classes.Length; i++)
        {
            if (classes[i].Kind != LineKind.Heading)
            {
                continue;
            }

            var depth = schemes.IndexOf(classes[i].Scheme);
            if (depth < 0)
            {
                schemes.Add(classes[i].Scheme);
                depth = schemes.Count - 1;
            }

            var next = NextContent(lines, classes, furniture, i);
            var statesAmount = AmountLine.EndsWithAmount(classes[i].Body, out var hasUnit) && hasUnit;
            // or the sentence under it does: ① 介護人材確保支援事業 / 資格取得の費用を助成します。 4,000千円
            var describedWithAmount = next >= 0 && classes[next].Kind == LineKind.Text
                && lines[next].Text.Contains('。', StringComparison.Ordinal) && MoneyText.HasMoney(lines[next].Text);
            if (depth == 0 || !(statesAmount || describedWithAmount))
            {
                continue;
            }

            var leaf = next < 0
                || (classes[next].Kind != LineKind.Item
                    && !(classes[next].Kind == LineKind.Heading && schemes.IndexOf(classes[next].Scheme) is var d && (d < 0 || d > depth)));
            if (leaf)
            {
                classes[i] = BudgetLine.Item(classes[i].MarkerText, classes[i].Body);
            }
        }
    }

    private static int NextContent(List<TextLine> lines, BudgetLine[] classes, HashSet<int> furniture, int i)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (!lines[j].IsBlank && !furniture.Contains(j) && !lines[j].IsChrome && classes[j].Kind != LineKind.Blank)
            {
                return j;
            }
        }

        return -1;
    }
}
