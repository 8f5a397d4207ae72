using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// ■, ◆ and ● mark headings on some pages and items on others. The siblings decide: ● is an item unless other
/// bullets follow it before its next sibling (●大雪対策 over ・ items); ■ and ◆ are headings unless the next line
/// with the same mark comes with only plain lines between (■空き店舗リノベーション事業 / ■…: a list of items);
/// the last of such a list follows the ones before it.
/// </summary>
internal static class SymbolSiblings
{
    private enum Next
    {
        End,
        SameMark,
        Bullet,
        Heading,
    }

    public static void Resolve(IReadOnlyList<TextLine> lines, BudgetLine[] classes, HashSet<int> furniture)
    {
        var previousWasItem = new Dictionary<char, bool>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (Mark(classes[i]) is not { } mark)
            {
                continue;
            }

            var next = NextStructure(lines, classes, furniture, i, mark);
            var item = mark == '●'
                ? next != Next.Bullet
                : next == Next.SameMark || (next is Next.End or Next.Heading && previousWasItem.GetValueOrDefault(mark));
            previousWasItem[mark] = item;
            classes[i] = item ? AsItem(classes[i], mark) : AsHeading(classes[i], mark);
        }
    }

    private static char? Mark(BudgetLine c) => c switch
    {
        { Kind: LineKind.Heading, Marker: MarkerKind.Symbol } => c.MarkerText[0],
        { Kind: LineKind.Heading, Marker: MarkerKind.Diamond, MarkerText: "◆" } => '◆',
        { Kind: LineKind.Item, MarkerText: "●" } => '●',
        _ => null,
    };

    private static Next NextStructure(IReadOnlyList<TextLine> lines, BudgetLine[] classes, HashSet<int> furniture, int i, char mark)
    {
        for (var j = i + 1; j < lines.Count; j++)
        {
            if (furniture.Contains(j) || lines[j].IsBlank)
            {
                continue;
            }

            if (Mark(classes[j]) == mark)
            {
                return Next.SameMark;
            }

            if (classes[j].Kind is LineKind.Item)
            {
                return Next.Bullet;
            }

            if (classes[j].Kind is LineKind.Heading)
            {
                return Next.Heading;
            }
        }

        return Next.End;
    }

    private static BudgetLine AsHeading(BudgetLine c, char mark) =>
        c.Kind == LineKind.Heading ? c : BudgetLine.Heading(MarkerKind.Symbol, 0, mark.ToString(), c.Body, false, mark.ToString());

    private static BudgetLine AsItem(BudgetLine c, char mark) =>
        c.Kind == LineKind.Item ? c : BudgetLine.Item(mark.ToString(), c.Body);
}
