using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Transform.Lineage;

/// <summary>
/// The part of an initiative's text that names the undertaking, compared across fiscal years. Wording drifts
/// from year to year (金沢外環状道路の整備を推進 → 金沢外環状道路海側幹線4期区間の整備を推進), so the core drops
/// bracketed annotations ((令和3年春開設予定), 【数値目標】), spaces and punctuation, and the closing verb phrase
/// (の整備を推進, に着手, を支援 …), because those change with the stage of the work, not with the undertaking.
/// When fewer than three characters would remain, the text without annotations and punctuation is kept whole.
/// Lengths and bigrams count Unicode code points, so a kanji outside the BMP is one character.
/// </summary>
internal static partial class LineageCore
{
    /// <summary>A core shorter than this (in characters) falls back to the text without punctuation.</summary>
    public const int MinCoreLength = 3;

    public static string Of(string text)
    {
        var flat = Punctuation().Replace(Annotations().Replace(text, ""), "");
        var stripped = ClosingPhrase().Replace(flat, "", 1);
        return CodePoints(stripped) >= MinCoreLength ? stripped : flat;
    }

    /// <summary>The number of characters (code points).</summary>
    public static int CodePoints(string s)
    {
        var n = 0;
        foreach (var _ in s.EnumerateRunes())
        {
            n++;
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

        var grams = new List<long>(core.Length);
        var previous = -1;
        foreach (var rune in core.EnumerateRunes())
        {
            if (previous >= 0)
            {
                grams.Add(((long)previous << 21) | (uint)rune.Value);
            }

            previous = rune.Value;
        }

        grams.Sort();
        var distinct = 0;
        for (var i = 0; i < grams.Count; i++)
        {
            if (i == 0 || grams[i] != grams[distinct - 1])
            {
                grams[distinct++] = grams[i];
            }
        }

        return [.. grams.GetRange(0, distinct)];
    }

    // The text is NFKC, so brackets and spaces are half-width here.
    [GeneratedRegex(@"\([^)]*\)|【[^】]*】|〔[^〕]*〕|\[[^\]]*\]")]
    private static partial Regex Annotations();

    [GeneratedRegex("[\t\n\f\r 、。,.・:;!?「」『』\"'〜~-]")]
    private static partial Regex Punctuation();

    [GeneratedRegex("(?:(?:の|を|に|へ|と|で)?(?:整備|推進|着手|実施|創設|新設|拡充|支援|開催|策定|検討|完了|充実|強化|促進|継続|展開|運営|導入|設置|開設|本格化|確保|取り組み|取組|進める|図る|行う))+$")]
    private static partial Regex ClosingPhrase();
}
