namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// Where the words that qualify a number begin and end: clauses are cut at Japanese punctuation and
/// brackets, and a figure in parentheses belongs to the one printed before the parenthesis.
/// </summary>
internal static class Clauses
{
    // Position of the outermost open parenthesis enclosing index, or -1.
    internal static int OuterOpenParenthesis(string s, int index)
    {
        var depth = 0;
        var outer = -1;
        for (var i = 0; i < index && i < s.Length; i++)
        {
            switch (s[i])
            {
                case '(' or '[' or '【' or '〔':
                    if (depth == 0)
                    {
                        outer = i;
                    }

                    depth++;
                    break;
                case ')' or ']' or '】' or '〕':
                    if (depth > 0)
                    {
                        depth--;
                    }

                    break;
            }
        }

        return depth > 0 ? outer : -1;
    }

    internal static bool IsBoundary(string s, int i) => s[i] switch
    {
        '、' or '。' or '(' or ')' or '\t' or '[' or ']' or '【' or '】' or '「' or '」' or ':' or '〔' or '〕' or ';' => true,
        ',' => !(i > 0 && char.IsDigit(s[i - 1]) && i + 1 < s.Length && char.IsDigit(s[i + 1])),
        _ => false,
    };

    internal static int ClauseStart(string s, int index, int previousEnd)
    {
        var i = index - 1;
        while (i >= previousEnd && i >= 0 && !IsBoundary(s, i))
        {
            i--;
        }

        return Math.Max(i + 1, previousEnd);
    }

    internal static string LastClause(string s)
    {
        var i = s.Length - 1;
        while (i >= 0 && !IsBoundary(s, i))
        {
            i--;
        }

        return s[(i + 1)..];
    }
}
