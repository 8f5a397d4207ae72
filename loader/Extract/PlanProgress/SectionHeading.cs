using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>What a top-level section of a plan-progress report holds.</summary>
internal enum SectionKind
{
    /// <summary>The plan's outline: principle, period, basic policies (…の概要).</summary>
    Overview,

    /// <summary>The achievement table (達成率, 達成状況, 進捗状況, 評価結果).</summary>
    Achievement,

    /// <summary>Initiatives of one fiscal year (令和5年度に実施した主な取組事項, 令和6年度に追加した主な取組事項).</summary>
    Initiatives,
}

/// <summary>A top-level section heading.</summary>
/// <param name="Kind">What the section holds.</param>
/// <param name="Title">Heading text without its number.</param>
/// <param name="FiscalYear">The year named in the heading, if any.</param>
/// <param name="IsResults">The section reports what was done (実施した, 実績), not what was added or planned.</param>
internal readonly record struct Section(SectionKind Kind, string Title, int? FiscalYear, bool IsResults)
{
    /// <summary>The numbering scheme of the heading (arabic, paren, roman …), to tell a sub-heading from a sibling.</summary>
    public string? Scheme { get; init; }

    /// <summary>
    /// The heading names no content (a <see cref="NumberedHeading"/>: "3 方針別の評価", "(2) 方針別の状況"): what it holds is
    /// read as an achievement section is, and finding no counts there is no fault.
    /// </summary>
    public bool IsPlain { get; init; }
}

/// <summary>
/// Recognises a section heading by a numbering or box marker plus the words that say what the section
/// holds. Policy headings ("1 行政組織の質を高める") have no such words and are left alone.
/// </summary>
internal static partial class SectionHeading
{
    public static Section? TryParse(string text)
    {
        // The pattern starts with a hyphen, a number, 第, a Roman numeral, a box or 【: other lines need not run it.
        var t = text.AsSpan().Trim();
        if (t.IsEmpty || !(t[0] is '-' or '第' or 'I' or 'V' or 'X' or '■' or '●' or '◆' or '□' or '【' || char.IsDigit(t[0])))
        {
            return null;
        }

        var m = Marked().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var title = m.Groups["title"].Value.Trim();
        if (title.Length > 60 || title.EndsWith('。'))
        {
            return null;
        }

        var compact = title.Replace(" ", "", StringComparison.Ordinal);
        var year = YearOf(compact);
        if (year is not null && InitiativeWords().IsMatch(compact))
        {
            return new Section(SectionKind.Initiatives, title, year, ResultWords().IsMatch(compact));
        }

        if (AchievementWords().IsMatch(compact))
        {
            return new Section(SectionKind.Achievement, title, year, true);
        }

        if (MainInitiatives().IsMatch(compact))
        {
            // "主な取組" with no year: the initiatives of the year the report covers.
            return new Section(SectionKind.Initiatives, title, null, false);
        }

        if (compact.EndsWith("概要", StringComparison.Ordinal) || compact.Contains("の概要", StringComparison.Ordinal))
        {
            return new Section(SectionKind.Overview, title, year, false);
        }

        return null;
    }

    /// <summary>The first fiscal year named in the text (令和5年度, R5年度, 2023年度), or null.</summary>
    public static int? YearOf(string text)
    {
        var m = EraYear().Match(text);
        if (m.Success)
        {
            return FiscalYearInference.ToGregorian(m.Groups["era"].Value, FiscalYearInference.ParseEraYear(m.Groups["y"].Value));
        }

        var g = GregorianYear().Match(text);
        return g.Success ? int.Parse(g.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    // "3. title", "3 title", "第3章 title", "第3 title", "III. title", "■title", "【title】" — not "第2次…プラン".
    [GeneratedRegex(@"^(?:-\s*)?(?:\d{1,2}\s*[.、]\s*|\d{1,2}\s+|第\s*\d{1,2}\s*(?:章|節|[.、]|\s)\s*|[IVX]{1,4}\s*[.、]?\s*|[■●◆□]\s*|【)(?<title>[^】]+?)】?\s*$")]
    private static partial Regex Marked();

    [GeneratedRegex(@"(?<era>令和|平成|R|H)(?<y>\d{1,2}|元)年度")]
    private static partial Regex EraYear();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年度")]
    private static partial Regex GregorianYear();

    [GeneratedRegex(@"取組|取り組|事項|事業|施策")]
    private static partial Regex InitiativeWords();

    [GeneratedRegex(@"実施した|取り組んだ|実績|結果|成果|行った")]
    private static partial Regex ResultWords();

    [GeneratedRegex(@"達成率|達成状況|進捗状況|進ちょく状況|評価結果|取組状況|実施状況|完了状況")]
    private static partial Regex AchievementWords();

    [GeneratedRegex(@"^(?:主な|主要な|重点的な|具体的な)(?:取組|取り組み)(?:事項|内容)?$")]
    private static partial Regex MainInitiatives();
}
