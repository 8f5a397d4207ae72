using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>
/// Restores line structure in text that PDF extraction flattened onto one line, where every marker stands
/// mid-line after a space. Japanese prose has no spaces between words, so a space between two Japanese
/// characters is where a line ended; a space next to Latin letters or digits (U J I, 実質公債費比率 5.4%)
/// is part of the line.
/// </summary>
internal static class Unflattener
{
    /// <summary>A line holding at least this many markers is treated as flattened.</summary>
    public const int MinMarkers = 2;

    public static bool LooksFlattened(TextLine line) =>
        line.Text.AsSpan().Count(' ') + line.Text.AsSpan().Count('\t') + line.Text.AsSpan().Count('\u3000') >= MinMarkers // MinMarkers markers need as many tokens before them
        && CountMarkers(Tokens(line.Text)) >= MinMarkers;

    /// <summary>Splits a flattened line into logical lines; each keeps the physical line number.</summary>
    public static IReadOnlyList<TextLine> Split(TextLine line)
    {
        var rawTokens = Tokens(line.Raw);
        var tokens = rawTokens.Select(TextNormalizer.Normalize).ToList();
        var pieces = new List<TextLine>();
        var startToken = 0;
        for (var i = 1; i <= tokens.Count; i++)
        {
            if (i == tokens.Count || BreaksBefore(tokens, i))
            {
                AddPiece(pieces, line, tokens, rawTokens, startToken, i);
                startToken = i;
            }
        }

        return pieces;
    }

    private static void AddPiece(List<TextLine> pieces, TextLine line, List<string> tokens, List<string> raw, int from, int to)
    {
        var tokenCount = to - from;
        if (tokenCount <= 0)
        {
            return;
        }

        // Spaced-out letters (予 算 の 重 点) are one word.
        var spaced = tokenCount >= 3 && tokens.Skip(from).Take(tokenCount).All(t => t.Length == 1);
        var sep = spaced ? "" : " ";
        pieces.Add(line with
        {
            Text = string.Join(sep, tokens.Skip(from).Take(tokenCount)),
            Raw = string.Join(sep, raw.Skip(from).Take(tokenCount)),
        });
    }

    private static bool BreaksBefore(List<string> tokens, int i)
    {
        var left = tokens[i - 1];
        var right = tokens[i];

        // A marker token stays with the title or text that follows it; some words never begin a line.
        if (IsMarkerOnly(left) || WrapRules.CannotBeginLine(right))
        {
            return false;
        }

        // A bare number or Roman numeral after Latin letters is text (U J I ターン), not a heading.
        if (StartsStructure(right, i + 1 < tokens.Count ? tokens[i + 1] : null)
            && !(IsMarkerOnly(right) && char.IsAsciiLetterOrDigit(left[^1])))
        {
            return true;
        }

        // Spaced-out letters stay together.
        if (left.Length == 1 && right.Length == 1)
        {
            return false;
        }

        // After a closing bracket a new line may start with a number (…まで) 1人1台…); within a line a
        // number follows a label (実質公債費比率 5.4%), which ends in a letter, not a bracket.
        // A Latin acronym glued to Japanese (RPA技術…, ICT機器…) starts a new line as a Japanese word would.
        // A tag glued after a name (…を支援<単独>) closes it like a Japanese bracket; <2> alone is a label.
        return (IsJapanese(left[^1]) || (left[^1] == '>' && left.LastIndexOf('<') > 0))
            && (IsJapanese(right[0]) || StartsWithAcronym(right) || (left[^1] is ')' or '」' or '】' or '〕' && char.IsAsciiDigit(right[0])));
    }

    private static bool StartsWithAcronym(string token)
    {
        var i = 0;
        while (i < token.Length && char.IsAsciiLetter(token[i]))
        {
            i++;
        }

        return i > 0 && i < token.Length && token[i] > '\u2E7F';
    }

    private static bool StartsStructure(string token, string? following)
    {
        if (token == "-")
        {
            return true;
        }

        var line = following is null ? token : token + " " + following;
        var kind = BudgetLineClassifier.Classify(line);
        return kind.Kind is LineKind.Item || (kind.Kind is LineKind.Heading && kind.Marker is not (MarkerKind.Arabic or MarkerKind.Roman))
            || (kind.Kind is LineKind.Heading && IsMarkerOnly(token));
    }

    private static bool IsMarkerOnly(string token)
    {
        if (token is "-" or "◇" or "◆" or "□" or "■" || (token.Length == 1 && ItemMarkers.IsBullet(token[0])))
        {
            return true;
        }

        if (token.Length == 1 && TextNormalizer.IsCircledNumber(token[0]))
        {
            return true;
        }

        var t = token.TrimEnd('.', '、', ':');
        t = t.TrimStart('■', '□', '◆');
        if (t.StartsWith('(') && t.EndsWith(')') && t.Length > 2 && t[1..^1].All(char.IsAsciiDigit))
        {
            return true;
        }

        return t.Length is > 0 and <= 2 && t.All(char.IsAsciiDigit) || BudgetLineClassifier.RomanValue(t) > 0;
    }

    private static int CountMarkers(List<string> tokens)
    {
        var n = 0;
        for (var i = 1; i < tokens.Count; i++)
        {
            var c = BudgetLineClassifier.Classify(tokens[i] + (i + 1 < tokens.Count ? " " + tokens[i + 1] : ""));
            if (c.Kind is LineKind.Item || (c.Kind is LineKind.Heading && c.Marker is MarkerKind.Paren or MarkerKind.Circled))
            {
                n++;
            }
        }

        return n;
    }

    private static List<string> Tokens(string s) =>
        [.. s.Split([' ', '\t', '\u3000'], StringSplitOptions.RemoveEmptyEntries)];

    private static bool IsJapanese(char c) =>
        c > '\u2E7F' || c is ')' or '」' or '】' or '〕' or '(' or '「';
}
