using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Lines that hold several logical lines without spaces between them: ▽ items run together
/// (▽保育士の処遇改善▽学童保育の拡充), circled digits garbled by a PDF font into @ A B C
/// (@出産・育児の応援A救急体制の確保 → ①出産・育児の応援 / ②救急体制の確保), and a title printed over itself
/// (主要事業主要事業主要事業 → 主要事業).
/// </summary>
internal static partial class RunTogether
{
    /// <param name="line">The line.</param>
    /// <param name="into">Where its logical lines go.</param>
    /// <param name="circledHeadings">
    /// The document prints circled-digit headings elsewhere: then (2) 歳出 1 目的別 2 性質別 holds subsections ① and ②
    /// whose circles were flattened to plain digits.
    /// </param>
    public static void Split(TextLine line, List<TextLine> into, bool circledHeadings = false)
    {
        var t = line.Text.AsSpan().Trim();
        if (circledHeadings && FlattenedCircled(line, into))
        {
            return;
        }

        if (t.Length > 1 && t[0] == '▽' && t[1..].Contains('▽'))
        {
            SplitAt(line, '▽', into);
            return;
        }

        if (t.Length > 1 && t[0] == '@' && t[1] > '\u007F' && Garbled(line.Text) is { Count: > 0 } starts)
        {
            var text = line.Text.Trim();
            var rawStarts = Garbled(line.Raw);
            for (var i = 0; i < starts.Count; i++)
            {
                var piece = text[(starts[i] + 1)..(i + 1 < starts.Count ? starts[i + 1] : text.Length)];
                var raw = rawStarts.Count == starts.Count ? Piece(line.Raw.Trim(), rawStarts, i) : piece;
                var circled = (char)('①' + i);
                into.Add(line with { Text = circled + piece, Raw = circled + raw });
            }

            return;
        }

        into.Add(Repeated(line));
    }

    private static bool FlattenedCircled(TextLine line, List<TextLine> into)
    {
        if (FlattenedCircledPattern().Match(line.Text) is not { Success: true } m)
        {
            return false;
        }

        var numbers = m.Groups["n"].Captures;
        for (var k = 0; k < numbers.Count; k++)
        {
            if (numbers[k].Value != (k + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return false;
            }
        }

        var raw = FlattenedCircledPattern().Match(line.Raw) is { Success: true } r && r.Groups["t"].Captures.Count == numbers.Count ? r : m;
        into.Add(line with { Text = m.Groups["head"].Value, Raw = raw.Groups["head"].Value });
        for (var k = 0; k < numbers.Count; k++)
        {
            var circled = (char)('①' + k);
            into.Add(line with { Text = circled + m.Groups["t"].Captures[k].Value, Raw = circled + raw.Groups["t"].Captures[k].Value });
        }

        return true;
    }

    // (2) 歳出 1 目的別 2 性質別: a parenthesised heading, then numbers each before a short title without digits.
    [GeneratedRegex(@"^\s*(?<head>\(\s*\d{1,2}\s*\)\s*[^\s\d]{1,20})(?:\s+(?<n>\d{1,2})\s+(?<t>[^\s\d]{1,20}))+\s*$")]
    private static partial Regex FlattenedCircledPattern();

    private static string Piece(string raw, List<int> starts, int i) => raw[(starts[i] + 1)..(i + 1 < starts.Count ? starts[i + 1] : raw.Length)];

    // Where @, A, B, C … stand between Japanese letters in order (①, ②, ③ … garbled): the positions in the trimmed
    // text, or none when the letters do not follow the garbling (@ alone, a Latin word).
    private static List<int> Garbled(string line)
    {
        var t = line.Trim();
        var starts = new List<int> { 0 };
        var next = 'A';
        for (var i = 1; i < t.Length - 1 && next <= 'T'; i++)
        {
            if (t[i] == next && t[i - 1] > '\u007F' && t[i + 1] > '\u007F')
            {
                starts.Add(i);
                next++;
            }
        }

        return starts.Count >= 2 ? starts : [];
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
