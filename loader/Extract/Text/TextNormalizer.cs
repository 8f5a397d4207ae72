using System.Buffers;
using System.Text;

namespace BudgetWarehouse.Loader.Extract.Text;

/// <summary>
/// Produces the working copy of a line: NFKC (full-width digits, letters, parentheses and spaces become
/// half-width) except for circled numbers, which NFKC would turn into plain digits although they
/// are a heading marker (①) distinct from (1) and 1. Characters PDF fonts report in place of what they draw
/// are repaired too: CJK radicals become their ideograph (see <see cref="CjkRadicals"/>) and dots that look
/// like the katakana middle dot become ・ (U+30FB). None of these is in the fast path's stable set.
/// </summary>
internal static class TextNormalizer
{
    public static bool IsCircledNumber(char c) =>
        c is (>= '\u2460' and <= '\u2473') or (>= '\u3251' and <= '\u325F') or (>= '\u32B1' and <= '\u32BF')
            or (>= '\u2776' and <= '\u2793') or '\u24EA';

    /// <summary>Value of a circled number (① = 1), or 0.</summary>
    public static int CircledValue(char c) => c switch
    {
        >= '\u2460' and <= '\u2473' => c - '\u2460' + 1,
        >= '\u3251' and <= '\u325F' => c - '\u3251' + 21,
        >= '\u32B1' and <= '\u32BF' => c - '\u32B1' + 36,
        >= '\u2776' and <= '\u277F' => c - '\u2776' + 1,
        >= '\u2780' and <= '\u2789' => c - '\u2780' + 1,
        >= '\u278A' and <= '\u2793' => c - '\u278A' + 1,
        _ => 0,
    };

    public static string Normalize(string line)
    {
        if (line.Length == 0)
        {
            return line;
        }

        if (IsAsciiOnly(line) || IsStable(line))
        {
            return line;
        }

        return RepairLookalikes(NormalizeKeepingCircled(line));
    }

    private static string NormalizeKeepingCircled(string line)
    {
        if (line.AsSpan().IndexOfAnyInRange('\u2460', '\u32BF') < 0 || !ContainsCircled(line))
        {
            return line.IsNormalized(NormalizationForm.FormKC) ? line : line.Normalize(NormalizationForm.FormKC);
        }

        var sb = new StringBuilder(line.Length);
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (IsCircledNumber(line[i]))
            {
                if (i > start)
                {
                    sb.Append(line.AsSpan(start, i - start).ToString().Normalize(NormalizationForm.FormKC));
                }

                sb.Append(line[i]);
                start = i + 1;
            }
        }

        if (start < line.Length)
        {
            sb.Append(line.AsSpan(start).ToString().Normalize(NormalizationForm.FormKC));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Radicals of the CJK Radicals Supplement to their ideograph (NFKC maps only two of them; Kangxi radicals
    /// it maps all), and middle-dot look-alikes to ・. A middle dot between two ASCII letters or digits
    /// (a Catalan l·l, 3·4) is left alone: there it is not the Japanese separator.
    /// </summary>
    internal static string RepairLookalikes(string text)
    {
        var first = text.AsSpan().IndexOfAny(Lookalikes);
        if (first < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        sb.Append(text.AsSpan(0, first));
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (CjkRadicals.Ideograph(c) is { } ideograph)
            {
                sb.Append(ideograph);
            }
            else if (c is '\u2027' or '\u2219' or '\u22C5' or '\u2E31' || (c == '\u00B7' && !BetweenAscii(text, i)))
            {
                sb.Append('\u30FB');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool BetweenAscii(string text, int i) =>
        i > 0 && i < text.Length - 1 && char.IsAsciiLetterOrDigit(text[i - 1]) && char.IsAsciiLetterOrDigit(text[i + 1]);

    private static readonly SearchValues<char> Lookalikes = SearchValues.Create(
        [.. Enumerable.Range(CjkRadicals.SupplementFirst, CjkRadicals.SupplementLast - CjkRadicals.SupplementFirst + 1).Select(c => (char)c),
            '\u00B7', '\u2027', '\u2219', '\u22C5', '\u2E31']);

    private static bool ContainsCircled(string line)
    {
        foreach (var c in line)
        {
            if (IsCircledNumber(c))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAsciiOnly(string s) => System.Text.Ascii.IsValid(s);

    /// <summary>
    /// True when every character is one that NFKC leaves alone and that cannot combine with a neighbour:
    /// ASCII, CJK ideographs, hiragana and katakana (without the combining sound marks), 、。「」『』【】〔〕々〜 and
    /// the geometric marks of headings and bullets (■□◆◇●○◎・). Most lines of Japanese prose pass, and skip
    /// the ICU normalisation call; anything else (full-width letters and digits, （）, half-width kana, …)
    /// goes through NFKC. TextNormalizerFastPathTests checks every character of the set against NFKC.
    /// </summary>
    internal static bool IsStable(ReadOnlySpan<char> s) => s.IndexOfAnyExcept(StableChars) < 0;

    // The same set as IsStableChar, searched in bulk (every line of every document passes through here).
    private static readonly SearchValues<char> StableChars = SearchValues.Create(
        [.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(IsStableChar)]);

    internal static bool IsStableChar(char c) =>
        c < '\u0080'
        || c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3041' and <= '\u3096') or (>= '\u30A1' and <= '\u30FA') or '\u30FB' or '\u30FC'
            or '\u3001' or '\u3002' or '\u3005' or (>= '\u300C' and <= '\u3011') or '\u3014' or '\u3015' or '\u301C'
            or '\u25A0' or '\u25A1' or '\u25C6' or '\u25C7' or '\u25CB' or '\u25CE' or '\u25CF';
}
