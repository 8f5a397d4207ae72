using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// How status words and grades are printed in plan-progress reports: header cells decorated with the column's
/// noun (一部達成(B), 達成項目数, A評価), and legends giving a grade's meaning ("A：達成 B：概ね達成", "S=目標を上回って
///達成"). What a word means is data (<see cref="StatusWords"/>, seeds/reference/plan_status_words.csv); a grade
/// without a legend takes the class the file gives the bare letter.
/// </summary>
internal static partial class StatusScheme
{
    /// <summary>The class of a status word printed in a header cell, or null when the cell is not a status word.</summary>
    public static string? ClassifyWord(string text, StatusWords words)
    {
        var t = Strip(text);
        if (t.Length < 2 || t.EndsWith('率'))
        {
            return null;
        }

        return words.Classify(t)?.Class;
    }

    /// <summary>True when the words file tags the word as a result not yet known (数値未確定, 評価中): scheme <c>pending</c>.</summary>
    public static bool IsPending(string text, StatusWords words) => words.Classify(Strip(text)) is { } w && w.Schemes.Contains(StatusWords.PendingScheme);

    /// <summary>The grade letter of a header cell ("A", "A評価", "評価A", "S"), or null.</summary>
    public static char? Grade(string text)
    {
        var m = GradeCell().Match(Strip(text));
        return m.Success ? m.Groups["g"].Value[0] : null;
    }

    /// <summary>Class of a grade letter without a legend: the file's row for the bare letter, else other.</summary>
    public static string DefaultGradeScale(char grade, StatusWords words) =>
        words.Exact(grade.ToString()) is { } w ? w.Class : StatusClasses.Other;

    /// <summary>Grade meanings printed as a legend: "A：達成 B：概ね達成 C：未達成", "S=目標を上回って達成" (grade, word as printed).</summary>
    public static IEnumerable<(char Grade, string Word)> Legend(string text)
    {
        foreach (Match m in LegendEntry().Matches(text))
        {
            yield return (m.Groups["g"].Value[0], m.Groups["word"].Value);
        }
    }

    // Header decorations that do not change the status: (B), 項目数, 件数, 数, spaces.
    private static string Strip(string text) => Decoration().Replace(text, "").Trim();

    [GeneratedRegex(@"\s+|\([A-Za-z/+\-]*\)|項目数|件数|事業数|取組数|の数")]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^(?:評価)?(?<g>[SA-DFX-Z])(?:評価|判定|ランク)?$")]
    private static partial Regex GradeCell();

    [GeneratedRegex(@"(?<![A-Za-z])(?<g>[SA-DFX-Z])\s*(?:評価)?\s*[:：=＝]\s*(?<word>[^\s,、/／;；)\d]+)")]
    private static partial Regex LegendEntry();
}
