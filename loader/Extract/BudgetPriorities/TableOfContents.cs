namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// A table-of-contents line: a title, a leader of dots (………, ・・・・, ....) and a page number (22, 64頁).
/// Its number is a page, its title repeats a heading printed later: neither a heading nor an item.
/// </summary>
internal static class TableOfContents
{
    public static bool IsEntry(ReadOnlySpan<char> t)
    {
        if (t.IsEmpty || !(char.IsAsciiDigit(t[^1]) || t[^1] is '頁'))
        {
            return false;
        }

        var i = t.Length - 1;
        if (t[i] == '頁')
        {
            i--;
        }

        while (i >= 0 && t[i] == ' ')
        {
            i--;
        }

        var digits = i;
        while (i >= 0 && char.IsAsciiDigit(t[i]))
        {
            i--;
        }

        if (i == digits || digits - i > 3)
        {
            return false;
        }

        while (i >= 0 && t[i] == ' ')
        {
            i--;
        }

        var leader = 0;
        while (i >= 0 && t[i] is '…' or '・' or '･' or '.' or '‥' or '·' or '-' or '─')
        {
            leader += t[i] is '…' or '‥' ? 3 : 1;
            i--;
        }

        return leader >= 3;
    }
}
