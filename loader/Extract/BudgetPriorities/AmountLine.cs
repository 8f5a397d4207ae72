namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>What the next non-blank line of a project name is.</summary>
internal enum AmountFollows
{
    None,

    /// <summary>A bare number, an amount only where a unit is stated.</summary>
    Bare,

    /// <summary>An amount with its unit (160億円, 6,750千円).</summary>
    WithUnit,
}

/// <summary>
/// A line that holds nothing but an amount, as budget overviews print them under a project name:
/// 245,800 / (198,000) / (-) / 6,750千円 / 160億円 / ▲1,200. Such a line belongs to the project above it.
/// </summary>
internal static class AmountLine
{
    /// <summary>True for an amount-only line; <paramref name="hasUnit"/> tells whether it names its unit (円).</summary>
    public static bool IsAmountOnly(ReadOnlySpan<char> text, out bool hasUnit)
    {
        hasUnit = false;
        var t = text.Trim();
        if (t.Length >= 2 && t[0] == '(' && t[^1] == ')')
        {
            t = t[1..^1].Trim();
            if (t is "-" or "―" or "ー" or "皆増" or "新規")
            {
                return true;
            }
        }

        if (t.Length > 0 && t[0] is '▲' or '△' or '-')
        {
            t = t[1..].TrimStart();
        }

        var i = 0;
        while (i < t.Length && (char.IsAsciiDigit(t[i]) || (t[i] is ',' or '.' && i > 0) || t[i] is '億' or '万' or '千' or '百' or '兆' or ' '))
        {
            i++;
        }

        if (i == 0 || !char.IsAsciiDigit(t[0]))
        {
            return false;
        }

        var rest = t[i..];
        hasUnit = rest.SequenceEqual("円");
        return rest.IsEmpty || hasUnit;
    }

    /// <summary>A project name followed by its amount on the same line: 市道改良事業 84,300 / 歩道橋塗装事業 6,750千円.</summary>
    public static bool EndsWithAmount(ReadOnlySpan<char> text, out bool hasUnit)
    {
        hasUnit = false;
        var t = text.Trim();
        var space = t.LastIndexOf(' ');
        if (space <= 1 || space > 40 || t[..space].Contains('。'))
        {
            return false;
        }

        return IsAmountOnly(t[(space + 1)..], out hasUnit);
    }
}
