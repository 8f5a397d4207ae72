namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Bullets that open an item: ・ (with or without a space, also after "- "), •, ●, ○, 〇, ◎, ▽, a markdown
/// dash, and → for a result line under the item above. A bullet alone on its line takes the next line as
/// its text. A bullet inside a word (保育・教育) is never at the start of a line, so it is never read here. A tag
/// at the start of a line (新 …, 【新規】…, (新)…) opens an item as a bullet does (<see cref="ItemTags"/>).
/// </summary>
internal static class ItemMarkers
{
    public static bool TryRead(ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var c = t[0];
        if (c == '-')
        {
            return TryDash(t, out line);
        }

        if (c == '→')
        {
            line = new BudgetLine(LineKind.MarkedDetail, MarkerKind.None, 0, "→", t[1..].Trim().ToString(), false);
            return true;
        }

        if (!IsBullet(c))
        {
            // 新 子ども食堂の開設支援, 【新規】防災アプリの導入, (新)空き家バンクの運営: a tag opens the item; the
            // tag stays in the body and is split off with the item's other tags.
            if (ItemTags.StartsWithTagWord(t))
            {
                line = BudgetLine.Item(c.ToString(), t.ToString());
                return true;
            }

            return false;
        }

        line = BudgetLine.Item(c.ToString(), t[1..].Trim().ToString());
        return true;
    }

    public static bool IsBullet(char c) => c is '・' or '･' or '·' or '●' or '○' or '◎' or '〇' or '•' or '▽';

    // "- ・text" is an item; "- text" is an item or a detail line (the parser decides from the item above); "-" alone is a rule.
    private static bool TryDash(ReadOnlySpan<char> t, out BudgetLine line)
    {
        line = default;
        var rest = t[1..].TrimStart();
        if (rest.IsEmpty || rest[0] == '-')
        {
            return false;
        }

        if (IsBullet(rest[0]))
        {
            var marker = t[..(t.Length - rest.Length + 1)].ToString();
            line = BudgetLine.Item(marker, rest[1..].Trim().ToString());
            return true;
        }

        // The dash needs a space after it: -6 and -2件 are negative numbers.
        if (rest.Length == t.Length - 1)
        {
            return false;
        }

        line = new BudgetLine(LineKind.MarkedDetail, MarkerKind.None, 0, "-", rest.ToString(), false);
        return true;
    }
}
