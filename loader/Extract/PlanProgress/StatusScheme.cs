using System.Text.RegularExpressions;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Maps the status words and grades of plan-progress reports to <see cref="StatusScales"/>. Words are matched
/// most specific first (一部達成 and 未達成 before 達成, やや遅れ before 遅れ). Grades (S, A–D) mean what the
/// report's legend says ("A：達成 B：概ね達成 …"); without a legend, S = exceeded, A = achieved, B = partial,
/// C = not achieved, D = not started.
/// </summary>
internal static partial class StatusScheme
{
    private static readonly (string Word, string Scale)[] Words =
    [
        ("数値未確定", StatusScales.Pending), ("未確定", StatusScales.Pending), ("評価中", StatusScales.Pending), ("集計中", StatusScales.Pending),
        ("確認中", StatusScales.Pending), ("判定不能", StatusScales.Pending), ("評価不能", StatusScales.Pending), ("測定不能", StatusScales.Pending),
        ("目標を上回", StatusScales.Exceeded), ("上回って達成", StatusScales.Exceeded), ("大幅に達成", StatusScales.Exceeded), ("超過達成", StatusScales.Exceeded),
        ("未達成", StatusScales.NotAchieved), ("未達", StatusScales.NotAchieved), ("達成できなかった", StatusScales.NotAchieved), ("達成困難", StatusScales.NotAchieved),
        ("一部達成", StatusScales.Partial), ("概ね達成", StatusScales.Partial), ("おおむね達成", StatusScales.Partial), ("ほぼ達成", StatusScales.Partial),
        ("一部完了", StatusScales.Partial), ("一部実施", StatusScales.Partial), ("取組中", StatusScales.Partial), ("取り組み中", StatusScales.Partial),
        ("実施中", StatusScales.Partial), ("継続中", StatusScales.Partial), ("進行中", StatusScales.Partial), ("推進中", StatusScales.Partial),
        ("未着手", StatusScales.NotStarted), ("未実施", StatusScales.NotStarted), ("未実行", StatusScales.NotStarted), ("未開始", StatusScales.NotStarted),
        ("概ね順調", StatusScales.OnTrack), ("おおむね順調", StatusScales.OnTrack), ("順調", StatusScales.OnTrack), ("計画どおり", StatusScales.OnTrack), ("計画通り", StatusScales.OnTrack),
        ("大幅な遅れ", StatusScales.Behind), ("やや遅れ", StatusScales.Behind), ("遅れ", StatusScales.Behind), ("遅延", StatusScales.Behind),
        ("達成済", StatusScales.Achieved), ("達成", StatusScales.Achieved), ("完了", StatusScales.Achieved), ("実施済", StatusScales.Achieved), ("済", StatusScales.Achieved),
    ];

    /// <summary>The scale of a status word, or null when the text is not a status word.</summary>
    public static string? ClassifyWord(string text)
    {
        var t = Strip(text);
        if (t.Length == 0 || t.EndsWith('率'))
        {
            return null;
        }

        foreach (var (word, scale) in Words)
        {
            if (t.Contains(word, StringComparison.Ordinal))
            {
                return scale;
            }
        }

        return null;
    }

    /// <summary>The grade letter of a header cell ("A", "A評価", "評価A", "S"), or null.</summary>
    public static char? Grade(string text)
    {
        var m = GradeCell().Match(Strip(text));
        return m.Success ? m.Groups["g"].Value[0] : null;
    }

    /// <summary>Default meaning of a grade; a legend in the report overrides it.</summary>
    public static string DefaultGradeScale(char grade) => grade switch
    {
        'S' => StatusScales.Exceeded,
        'A' => StatusScales.Achieved,
        'B' => StatusScales.Partial,
        'C' => StatusScales.NotAchieved,
        _ => StatusScales.NotStarted,
    };

    /// <summary>Grade meanings printed as a legend: "A：達成 B：概ね達成 C：未達成", "S=目標を上回って達成".</summary>
    public static IEnumerable<(char Grade, string Scale)> Legend(string text)
    {
        foreach (Match m in LegendEntry().Matches(text))
        {
            if (ClassifyWord(m.Groups["word"].Value) is { } scale)
            {
                yield return (m.Groups["g"].Value[0], scale);
            }
        }
    }

    /// <summary>Order of a scale, best first.</summary>
    public static int Order(string scale)
    {
        for (var i = 0; i < StatusScales.All.Count; i++)
        {
            if (StatusScales.All[i] == scale)
            {
                return i;
            }
        }

        return StatusScales.All.Count;
    }

    // Header decorations that do not change the status: (B), 項目数, 件数, 数, spaces.
    private static string Strip(string text) => Decoration().Replace(text, "").Trim();

    [GeneratedRegex(@"\s+|\([A-Za-z/+\-]*\)|項目数|件数|事業数|取組数|の数")]
    private static partial Regex Decoration();

    [GeneratedRegex(@"^(?:評価)?(?<g>[SA-D])(?:評価|判定|ランク)?$")]
    private static partial Regex GradeCell();

    [GeneratedRegex(@"(?<![A-Za-z])(?<g>[SA-D])\s*(?:評価)?\s*[:：=＝]\s*(?<word>[^\s,、/／;；)]+)")]
    private static partial Regex LegendEntry();
}
