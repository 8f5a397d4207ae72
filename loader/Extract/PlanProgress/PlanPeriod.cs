using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// A plan period: 令和5年度～令和8年度, 令和5～8年度, 2023年度～2026年度, 令和5年度から令和8年度まで, with an
/// optional stated length (（4年間）) that must agree with the range.
/// </summary>
internal static partial class PlanPeriod
{
    /// <summary>The period in the text, or null.</summary>
    public static (int Start, int End, int? StatedYears, string Evidence)? Find(string text)
    {
        var m = EraRange().Match(text) is { Success: true } kanji ? kanji : LetterEraRange().Match(text);
        if (m.Success)
        {
            var era1 = m.Groups["era1"].Value;
            var era2 = m.Groups["era2"].Success ? m.Groups["era2"].Value : era1;
            var start = FiscalYearInference.ToGregorian(era1, FiscalYearInference.ParseEraYear(m.Groups["y1"].Value));
            var end = FiscalYearInference.ToGregorian(era2, FiscalYearInference.ParseEraYear(m.Groups["y2"].Value));
            if (start is { } s && end is { } e && e >= s)
            {
                return (s, e, Years(text), m.Value);
            }
        }

        var g = GregorianRange().Match(text);
        if (g.Success)
        {
            var s = int.Parse(g.Groups["y1"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var e = int.Parse(g.Groups["y2"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (e >= s)
            {
                return (s, e, Years(text), g.Value);
            }
        }

        return null;
    }

    /// <summary>The last fiscal year of a period extension ("令和9年度末まで期間を延長" → 2027), or null.</summary>
    public static int? Extension(string text)
    {
        if (!text.Contains("延長", StringComparison.Ordinal))
        {
            return null;
        }

        var m = ExtendedTo().Match(text);
        return m.Success ? FiscalYearInference.ToGregorian(m.Groups["era"].Value, FiscalYearInference.ParseEraYear(m.Groups["y"].Value)) : null;
    }

    /// <summary>
    /// A phase of the plan with its years ("前期(令和3~5年度)", "始動期: R3~R4"): part of the period, not the period.
    /// </summary>
    public static bool IsPhase(string text) => Phase().IsMatch(text);

    private static int? Years(string text)
    {
        var m = StatedLength().Match(text);
        return m.Success ? int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // NFKC turns ～ (U+FF5E) into ~; 〜 (U+301C) and ー survive it.
    [GeneratedRegex(@"(?<era1>令和|平成)\s*(?<y1>\d{1,2}|元)\s*(?:年度?)?\s*(?:[~〜∼\-‐－―ー–]|から)\s*(?<era2>令和|平成)?\s*(?<y2>\d{1,2}|元)\s*年度")]
    private static partial Regex EraRange();

    // H26~H29, R4~R7年度: era letters need no 年度.
    [GeneratedRegex(@"(?<![A-Za-z])(?<era1>[RH])\s*(?<y1>\d{1,2}|元)\s*(?:年度?)?\s*[~〜∼\-‐－―ー–]\s*(?<era2>[RH])?\s*(?<y2>\d{1,2}|元)(?!\d)")]
    private static partial Regex LetterEraRange();

    [GeneratedRegex(@"(?<y1>(?:19|20)\d{2})\s*(?:年度?)?\s*(?:[~〜∼\-‐－―ー–]|から)\s*(?<y2>(?:19|20)\d{2})\s*年度")]
    private static partial Regex GregorianRange();

    [GeneratedRegex(@"(?<era>令和|平成)\s*(?<y>\d{1,2}|元)\s*年度\s*末?\s*まで\s*(?:計画)?\s*(?:期間を?)?\s*延長")]
    private static partial Regex ExtendedTo();

    // 前期 / 中期 / 後期, or a named phase of up to four letters (始動期, 飛躍期), then its years.
    [GeneratedRegex(@"^\s*(?:[-・■●]\s*)?(?:前期|中期|後期|[\p{IsCJKUnifiedIdeographs}\p{IsKatakana}]{1,4}期)\s*[:(]\s*(?:令和|平成|R|H|20\d\d)")]
    private static partial Regex Phase();

    [GeneratedRegex(@"\(\s*(?<n>\d{1,2})\s*(?:年間|か年|カ年|ヵ年|ケ年)\s*\)")]
    private static partial Regex StatedLength();
}
