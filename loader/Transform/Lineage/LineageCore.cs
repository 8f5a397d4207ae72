using System.Buffers;
using System.Collections.Frozen;

namespace BudgetWarehouse.Loader.Transform.Lineage;

/// <summary>
/// The part of an initiative's text that names the undertaking, compared across fiscal years. Wording drifts
/// from year to year (北山外環状道路の整備を推進 → 北山外環状道路海側幹線4期区間の整備を推進), so the core drops
/// bracketed annotations ((令和3年春開設予定), 【数値目標】), spaces and punctuation, and the closing verb phrase
/// (の整備を推進, に着手, を支援 …), because those change with the stage of the work, not with the undertaking.
/// When fewer than three characters would remain, the text without annotations and punctuation is kept whole.
/// Lengths and bigrams count Unicode code points, so a kanji outside the BMP is one character. Runs once per
/// initiative on every load, so it is written as plain loops over the characters rather than regular expressions.
/// </summary>
internal static class LineageCore
{
    /// <summary>A core shorter than this (in characters) falls back to the text without punctuation.</summary>
    public const int MinCoreLength = 3;

    /// <summary>Spaces and punctuation left out of the core (the text is NFKC, so these are half-width where they can be).</summary>
    public const string Punctuation = "\t\n\f\r 、。,.・:;!?「」『』\"'〜~-";

    /// <summary>A particle that may open a unit of the closing phrase.</summary>
    public const string Particles = "のをにへとで";

    /// <summary>The verbs (and verbal nouns) of a closing phrase: a core ends before a run of [particle] verb at the end of the text.</summary>
    public static readonly string[] ClosingVerbs =
    [
        "整備", "推進", "着手", "実施", "創設", "新設", "拡充", "支援", "開催", "策定", "検討", "完了", "充実", "強化",
        "促進", "継続", "展開", "運営", "導入", "設置", "開設", "本格化", "確保", "取り組み", "取組", "進める", "図る", "行う",
    ];

    private static readonly (char Open, char Close)[] Brackets = [('(', ')'), ('【', '】'), ('〔', '〕'), ('[', ']')];

    private static readonly SearchValues<char> Skipped = SearchValues.Create(Punctuation + "(【〔[");

    private static readonly SearchValues<char> ParticleChars = SearchValues.Create(Particles);

    /// <summary>The closing verbs by their first character, so that most positions are passed over at a glance.</summary>
    private static readonly FrozenDictionary<char, string[]> VerbsByFirst =
        ClosingVerbs.GroupBy(v => v[0]).ToFrozenDictionary(g => g.Key, g => g.ToArray());

    public static string Of(string text)
    {
        Span<char> buffer = text.Length <= 512 ? stackalloc char[text.Length] : new char[text.Length];
        var flat = buffer[..Flatten(text, buffer)];
        var end = ClosingPhraseStart(flat);
        return CodePoints(flat[..end]) >= MinCoreLength ? new string(flat[..end]) : new string(flat);
    }

    /// <summary>The number of characters (code points).</summary>
    public static int CodePoints(ReadOnlySpan<char> s)
    {
        var n = s.Length;
        foreach (var c in s)
        {
            if (char.IsLowSurrogate(c))
            {
                n--;
            }
        }

        return n;
    }

    /// <summary>
    /// The distinct character bigrams of a core, each packed into one number (two code points of 21 bits), sorted.
    /// </summary>
    public static long[] Bigrams(string core)
    {
        if (core.Length < 2)
        {
            return [];
        }

        Span<long> grams = core.Length <= 256 ? stackalloc long[core.Length] : new long[core.Length];
        var count = 0;
        var previous = -1;
        foreach (var rune in core.EnumerateRunes())
        {
            if (previous >= 0)
            {
                grams[count++] = ((long)previous << 21) | (uint)rune.Value;
            }

            previous = rune.Value;
        }

        grams = grams[..count];
        grams.Sort();
        var distinct = 0;
        for (var i = 0; i < grams.Length; i++)
        {
            if (distinct == 0 || grams[i] != grams[distinct - 1])
            {
                grams[distinct++] = grams[i];
            }
        }

        return grams[..distinct].ToArray();
    }

    /// <summary>
    /// Copies <paramref name="text"/> into <paramref name="into"/> without bracketed annotations (an opening bracket up
    /// to the first closing one after it; an unclosed bracket stays) and without punctuation; returns the length.
    /// </summary>
    private static int Flatten(string text, Span<char> into)
    {
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!Skipped.Contains(c))
            {
                into[length++] = c;
                continue;
            }

            var skipTo = -1;
            foreach (var (open, close) in Brackets)
            {
                if (c == open)
                {
                    skipTo = text.IndexOf(close, i + 1);
                    break;
                }
            }

            if (skipTo >= 0)
            {
                i = skipTo;
            }
            else if (!Punctuation.Contains(c, StringComparison.Ordinal))
            {
                into[length++] = c;
            }
        }

        return length;
    }

    /// <summary>
    /// Where the closing phrase begins: the first position from which the rest of the text is one or more units of an
    /// optional particle and a closing verb; the text's length when it has none.
    /// </summary>
    private static int ClosingPhraseStart(ReadOnlySpan<char> s)
    {
        // reachesEnd[p]: s[p..] is a non-empty run of units. Filled from the end, so each test looks only further on.
        Span<bool> reachesEnd = s.Length <= 512 ? stackalloc bool[s.Length + 1] : new bool[s.Length + 1];
        var start = s.Length;
        for (var p = s.Length - 1; p >= 0; p--)
        {
            if (UnitEnds(s, p, reachesEnd) || (ParticleChars.Contains(s[p]) && UnitEnds(s, p + 1, reachesEnd)))
            {
                reachesEnd[p] = true;
                start = p;
            }
        }

        return start;
    }

    /// <summary>Whether a closing verb starts at <paramref name="p"/> and ends at the end of the text or where a run of units begins.</summary>
    private static bool UnitEnds(ReadOnlySpan<char> s, int p, ReadOnlySpan<bool> reachesEnd)
    {
        if (p >= s.Length || !VerbsByFirst.TryGetValue(s[p], out var verbs))
        {
            return false;
        }

        foreach (var verb in verbs)
        {
            if (s[p..].StartsWith(verb, StringComparison.Ordinal))
            {
                var end = p + verb.Length;
                if (end == s.Length || reachesEnd[end])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
