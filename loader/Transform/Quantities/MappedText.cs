using System.Globalization;
using System.Text;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// An NFKC working copy of a string that remembers, for every working character, which printed
/// characters it came from, so that a mention found in the working copy can report its raw text.
/// Circled numbers (①) are kept: NFKC would turn them into digits that are not quantities.
/// </summary>
internal sealed class MappedText
{
    // rawStart[i]..rawEnd[i] (exclusive) is the printed text of working character i; null when identical.
    private readonly int[]? rawStart;
    private readonly int[]? rawEnd;

    private MappedText(string raw, string text, int[]? rawStart, int[]? rawEnd)
    {
        Raw = raw;
        Text = text;
        this.rawStart = rawStart;
        this.rawEnd = rawEnd;
    }

    public string Raw { get; }

    public string Text { get; }

    public static MappedText Create(string raw)
    {
        if (IsStable(raw))
        {
            return new MappedText(raw, raw, null, null);
        }

        var sb = new StringBuilder(raw.Length);
        // NFKC rarely makes a text longer (㈱ → (株)); the maps grow when it does.
        var starts = new int[raw.Length];
        var ends = new int[raw.Length];
        var n = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var len = ChunkLength(raw, i);
            var chunk = raw.AsSpan(i, len);
            if (len == 1 && SingleNfkc(chunk[0]) is { } single)
            {
                // No ICU call for the characters whose NFKC is known (see SingleNfkc).
                sb.Append(single);
                Map(ref starts, ref ends, ref n, i, i + 1);
                i++;
                continue;
            }

            string normalized;
            try
            {
                normalized = chunk.ToString().Normalize(NormalizationForm.FormKC);
            }
            catch (ArgumentException)
            {
                // Lone surrogates cannot be normalised; keep them as printed.
                normalized = chunk.ToString();
            }

            foreach (var c in normalized)
            {
                sb.Append(c);
                Map(ref starts, ref ends, ref n, i, i + len);
            }

            i += len;
        }

        if (n != starts.Length)
        {
            Array.Resize(ref starts, n);
            Array.Resize(ref ends, n);
        }

        return new MappedText(raw, sb.ToString(), starts, ends);
    }

    /// <summary>
    /// The working character of a printed character that stands alone (no combining mark follows), when it needs
    /// no ICU call: characters NFKC leaves alone (TextNormalizer.IsStable), circled numbers (kept on purpose), and
    /// the full-width forms of ASCII (！ to ～), whose NFKC is the ASCII character (MappedTextTests checks each).
    /// </summary>
    internal static char? SingleNfkc(char c) =>
        TextNormalizer.IsStableChar(c) || IsCircled(c) ? c
        : c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0)
        : null;

    private static void Map(ref int[] starts, ref int[] ends, ref int n, int start, int end)
    {
        if (n == starts.Length)
        {
            Array.Resize(ref starts, Math.Max(4, n * 2));
            Array.Resize(ref ends, starts.Length);
        }

        starts[n] = start;
        ends[n] = end;
        n++;
    }

    /// <summary>The printed text behind working characters [start, end).</summary>
    public string RawSlice(int start, int end)
    {
        if (end <= start)
        {
            return "";
        }

        if (rawStart is null || rawEnd is null)
        {
            return Raw[start..end];
        }

        return Raw[rawStart[start]..rawEnd[end - 1]];
    }

    /// <summary>Position in the printed text of working character <paramref name="index"/>.</summary>
    public int RawIndex(int index) =>
        rawStart is null ? index : index < rawStart.Length ? rawStart[index] : Raw.Length;

    private static bool IsStable(string s)
    {
        if (TextNormalizer.IsStable(s))
        {
            return true;
        }

        foreach (var c in s)
        {
            if (c >= 0x80)
            {
                try
                {
                    return !ContainsCircled(s) && s.IsNormalized(NormalizationForm.FormKC);
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool ContainsCircled(string s)
    {
        foreach (var c in s)
        {
            if (IsCircled(c))
            {
                return true;
            }
        }

        return false;
    }

    // A base character with the combining marks after it (か + ゛, ｶ + ﾞ) must be normalised together.
    private static int ChunkLength(string s, int i)
    {
        var len = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        while (i + len < s.Length && IsCombining(s[i + len]))
        {
            len++;
        }

        return len;
    }

    private static bool IsCombining(char c) =>
        c is '\uFF9E' or '\uFF9F' or '\u309B' or '\u309C'
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    internal static bool IsCircled(char c) =>
        c is (>= '\u2460' and <= '\u2473') or (>= '\u3251' and <= '\u325F') or (>= '\u32B1' and <= '\u32BF')
            or (>= '\u2776' and <= '\u2793') or '\u24EA';
}
