using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Lines that hold several logical lines without spaces between them: ▽ items run together
/// (▽保育士の処遇改善▽学童保育の拡充), and a title printed over itself (主要事業主要事業主要事業 → 主要事業).
/// </summary>
internal static class RunTogether
{
    public static void Split(TextLine line, List<TextLine> into)
    {
        var t = line.Text.AsSpan().Trim();
        if (t.Length > 1 && t[0] == '▽' && t[1..].Contains('▽'))
        {
            SplitAt(line, '▽', into);
            return;
        }

        into.Add(Repeated(line));
    }

    private static void SplitAt(TextLine line, char mark, List<TextLine> into)
    {
        var text = line.Text.Trim();
        var raw = line.Raw.Trim();
        var rawParts = raw.Split(mark, StringSplitOptions.RemoveEmptyEntries);
        var parts = text.Split(mark, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var printed = i < rawParts.Length && rawParts.Length == parts.Length ? rawParts[i] : parts[i];
            into.Add(line with { Text = mark + parts[i], Raw = mark + printed });
        }
    }

    // The whole line is one short title repeated (PDF text layers print some titles several times over).
    private static TextLine Repeated(TextLine line)
    {
        var t = line.Text.Trim();
        if (t.Length < 4 || t.Length > 80)
        {
            return line;
        }

        for (var size = 2; size <= t.Length / 2; size++)
        {
            if (t.Length % size == 0 && IsRepeatOf(t, size))
            {
                return line with { Text = t[..size] };
            }
        }

        return line;
    }

    private static bool IsRepeatOf(string t, int size)
    {
        for (var i = size; i < t.Length; i++)
        {
            if (t[i] != t[i - size])
            {
                return false;
            }
        }

        return true;
    }
}
