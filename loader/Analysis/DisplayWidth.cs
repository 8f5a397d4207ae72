using System.Globalization;
using System.Text;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>
/// Terminal columns a string occupies: East Asian wide and fullwidth characters (kanji, kana, fullwidth
/// forms, CJK punctuation) take two columns, combining marks and zero-width characters none, the rest one.
/// </summary>
internal static class DisplayWidth
{
    public static int Of(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += Of(rune);
        }

        return width;
    }

    public static int Of(Rune rune)
    {
        var v = rune.Value;
        if (v == 0 || v == 0x200B || v == 0x200C || v == 0x200D || v == 0xFEFF)
        {
            return 0;
        }

        var category = Rune.GetUnicodeCategory(rune);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
        {
            return 0;
        }

        return IsWide(v) ? 2 : 1;
    }

    // Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, coalesced.
    private static bool IsWide(int v) =>
        (v >= 0x1100 && v <= 0x115F) ||
        (v >= 0x2E80 && v <= 0x303E) ||
        (v >= 0x3041 && v <= 0x33FF) ||
        (v >= 0x3400 && v <= 0x4DBF) ||
        (v >= 0x4E00 && v <= 0x9FFF) ||
        (v >= 0xA000 && v <= 0xA4CF) ||
        (v >= 0xA960 && v <= 0xA97F) ||
        (v >= 0xAC00 && v <= 0xD7A3) ||
        (v >= 0xF900 && v <= 0xFAFF) ||
        (v >= 0xFE10 && v <= 0xFE19) ||
        (v >= 0xFE30 && v <= 0xFE6F) ||
        (v >= 0xFF00 && v <= 0xFF60) ||
        (v >= 0xFFE0 && v <= 0xFFE6) ||
        (v >= 0x1F300 && v <= 0x1F64F) ||
        (v >= 0x1F900 && v <= 0x1F9FF) ||
        (v >= 0x20000 && v <= 0x3FFFD);
}
