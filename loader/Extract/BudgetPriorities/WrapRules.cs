namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Decides whether a physical line continues the logical line above it. PDF extraction wraps long lines at
/// a fixed width, so the decision rests on how Japanese text can and cannot end or begin — never on line
/// numbers or widths of a particular file.
/// </summary>
internal static class WrapRules
{
    private static readonly string[] Conjunctions = ["及び", "および", "並びに", "ならびに", "又は", "または", "若しくは", "もしくは", "かつ"];

    /// <summary>True when <paramref name="next"/> is the wrapped remainder of <paramref name="previous"/>.</summary>
    public static bool Continues(string previous, string next)
    {
        var prev = previous.AsSpan().TrimEnd();
        var nxt = next.AsSpan().TrimStart();
        if (prev.IsEmpty || nxt.IsEmpty)
        {
            return false;
        }

        if (CannotBeginLine(nxt))
        {
            return true;
        }

        // An open bracket is closed on a later line.
        if (OpenBrackets(prev) > 0)
        {
            return true;
        }

        var last = prev[^1];
        if (last is '、' or ',' or '，' or '・' or '=' or '&')
        {
            return true;
        }

        foreach (var c in Conjunctions)
        {
            if (prev.EndsWith(c, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (last is 'の' or 'を' or 'に' or 'が' or 'で' or 'と' or 'や' or 'へ' or 'は')
        {
            return true;
        }

        // A word cut after its first character: …を早 / 期に完了. One kanji after a particle rarely ends an item.
        if (prev.Length >= 2 && IsKanji(last) && prev[^2] is 'を' or 'に' or 'で' or 'が' or 'の' && (IsKanji(nxt[0]) || nxt[0] is >= '\u3041' and <= '\u309F'))
        {
            return true;
        }

        // A compound noun cut mid-word: the clause after the last comma is bare nouns (no kana at all),
        // so it still lacks its predicate, and the next line carries on with a noun.
        var comma = prev.LastIndexOfAny('、', ',');
        if (comma >= 0 && comma < prev.Length - 1 && IsNounStart(nxt[0]))
        {
            var clause = prev[(comma + 1)..];
            if (clause.Length >= 2 && !ContainsHiragana(clause) && IsNounChar(clause[^1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Joins a wrapped remainder; a space only between two Latin letters or digits.</summary>
    public static string Join(string previous, string next)
    {
        var prev = previous.TrimEnd();
        var nxt = next.TrimStart();
        if (prev.Length > 0 && nxt.Length > 0 && char.IsAsciiLetterOrDigit(prev[^1]) && char.IsAsciiLetterOrDigit(nxt[0]))
        {
            return prev + " " + nxt;
        }

        return prev + nxt;
    }

    /// <summary>Unclosed brackets in <paramref name="s"/> (negative when more are closed than opened).</summary>
    public static int OpenBrackets(ReadOnlySpan<char> s)
    {
        var depth = 0;
        foreach (var c in s)
        {
            if (c is '(' or '「' or '『' or '【' or '〔' or '[' or '〈' or '《')
            {
                depth++;
            }
            else if (c is ')' or '」' or '』' or '】' or '〕' or ']' or '〉' or '》')
            {
                depth--;
            }
        }

        return depth;
    }

    /// <summary>A line cannot begin with a closing bracket, a comma, a small kana, a particle or a trailing など.</summary>
    public static bool CannotBeginLine(ReadOnlySpan<char> text) =>
        text.Length > 0 && (CannotBeginLine(text[0]) || text.StartsWith("など", StringComparison.Ordinal));

    private static bool CannotBeginLine(char c) =>
        c is ')' or '」' or '』' or '】' or '〕' or ']' or '、' or '。' or ',' or '.' or 'ー' or '々'
            or 'ぁ' or 'ぃ' or 'ぅ' or 'ぇ' or 'ぉ' or 'っ' or 'ゃ' or 'ゅ' or 'ょ' or 'ゎ'
            or 'ァ' or 'ィ' or 'ゥ' or 'ェ' or 'ォ' or 'ッ' or 'ャ' or 'ュ' or 'ョ' or 'ヮ'
            or 'を' or 'が' or 'は' or 'に' or 'へ';

    private static bool ContainsHiragana(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u3041' and <= '\u309F')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNounChar(char c) => IsKanji(c) || IsKatakana(c);

    private static bool IsNounStart(char c) => IsKanji(c) || IsKatakana(c);

    private static bool IsKanji(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or '々';

    private static bool IsKatakana(char c) => c is >= '\u30A1' and <= '\u30FA' or 'ー';
}
