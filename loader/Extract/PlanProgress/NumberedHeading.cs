using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// A section heading that states nothing: a numbering scheme the budget family reads (1 / 1. / 1) / (1) / ① /
/// 第1 / II, full- or half-width) followed by a short title with no figure and no status word ("2 計画の概要",
/// "(2) 方針別の状況", "第3 今後の進め方"). It ends the status run or table above it and is never a row or a count.
/// </summary>
/// <remarks>
/// The construct decides, not the title's words: a numbered line that carries a figure (a count, a share, a
/// bare number cell) is a row or a run, and a numbered line whose own figures follow on the next line (a table
/// printed one cell per line: "1 組織の見直し" / "24" / "5") is that row's label; the caller checks the next line.
/// A label word with a number (方針1, 【基本方針2】, 柱3) names a policy, whose row or run it labels, so it is
/// not one of these.
/// </remarks>
internal static partial class NumberedHeading
{
    /// <summary>Longest title read as a heading; a longer numbered line is a sentence.</summary>
    public const int MaxTitleLength = 40;

    /// <summary>The heading (its scheme, number and title), or null when the line is not one.</summary>
    public static BudgetLine? TryRead(string text, StatusWords words)
    {
        var t = text.Trim();
        if (t.Length == 0)
        {
            return null;
        }

        var line = BudgetLineClassifier.Classify(t);
        if (line.Kind != LineKind.Heading || !IsNumbering(line))
        {
            return null;
        }

        var title = line.Body.Trim();
        return title.Length == 0 || title.Length > MaxTitleLength || title.Contains('。', StringComparison.Ordinal)
            || Figure().IsMatch(title) || words.Exact(title) is not null
            ? null
            : line;
    }

    /// <summary>True for a cell that holds only a value (24, 18※1, 75.0%, 12件, -): a table printed one cell per line.</summary>
    public static bool IsValueCell(string text) => ValueCell().IsMatch(text.Trim().Trim('|').Trim());

    private static bool IsNumbering(BudgetLine line) =>
        line.Marker is MarkerKind.Arabic or MarkerKind.Roman or MarkerKind.Paren or MarkerKind.Circled or MarkerKind.ArabicClose;

    // A count or share (3項目, 12件, 45%) or a bare number cell ("… 24 5"), but not a date or an ordinal (令和 5 年度, 第2次).
    [GeneratedRegex(@"\d+(?:[.,]\d+)*\s*(?:%|項目|件|事業|取組|施策)|(?:^|[\s|:=、,(])[▲△\-+−]?\d+(?:[.,]\d+)*(?=$|[\s|、,)])(?!\s*[年月日次期回号章節])")]
    private static partial Regex Figure();

    [GeneratedRegex(@"^(?:[▲△\-+−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*(?:%|項目|件|事業|取組|施策|本|個)?\s*(?:(?:※|\*)\s*\d*)?|[-‐－―ー–—])$")]
    private static partial Regex ValueCell();
}
