using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>What a column of an achievement table holds.</summary>
internal enum ColumnRole
{
    Unknown,

    /// <summary>The row label: 基本方針, 方針, 区分, 分野.</summary>
    Label,

    /// <summary>Items planned, or the row total of a status table: 項目数(A), 計画, 取組数, 計.</summary>
    Planned,

    /// <summary>A count of items with one status: 達成(B), 一部達成, A, 順調, 未着手.</summary>
    Status,

    /// <summary>A rate in percent: 達成率(B/A), 割合, 構成比.</summary>
    Rate,

    /// <summary>Change since the last report (増減, 前年比) of the status count to its left.</summary>
    Change,
}

/// <summary>A header cell of an achievement table with its role (and status class for status columns).</summary>
internal sealed record AchievementColumn(string Header, ColumnRole Role, string? Scale, char? Grade)
{
    /// <summary>The word a printed legend gives the column's grade, if any.</summary>
    public string? Meaning { get; init; }
}

/// <summary>Classifies the header cells of an achievement table.</summary>
internal static partial class AchievementColumns
{
    public const int MaxHeaderLength = 14;

    public static AchievementColumn Classify(string header, StatusWords words)
    {
        var h = header.Trim();
        var compact = h.Replace(" ", "", StringComparison.Ordinal);
        if (ChangeWords().IsMatch(compact))
        {
            return new AchievementColumn(h, ColumnRole.Change, null, null);
        }

        if (RateWords().IsMatch(compact))
        {
            return new AchievementColumn(h, ColumnRole.Rate, null, null);
        }

        if (LabelWords().IsMatch(compact))
        {
            return new AchievementColumn(h, ColumnRole.Label, null, null);
        }

        if (StatusScheme.Grade(compact) is { } grade)
        {
            return new AchievementColumn(h, ColumnRole.Status, StatusScheme.DefaultGradeScale(grade, words), grade);
        }

        if (StatusScheme.ClassifyWord(compact, words) is { } scale)
        {
            return new AchievementColumn(h, ColumnRole.Status, scale, null);
        }

        if (PlannedWords().IsMatch(compact))
        {
            return new AchievementColumn(h, ColumnRole.Planned, null, null);
        }

        return new AchievementColumn(h, ColumnRole.Unknown, null, null);
    }

    /// <summary>True when the cell reads as a header cell (short, and a known column word).</summary>
    public static bool IsHeader(string cell, StatusWords words) =>
        cell.Trim().Length is > 0 and <= MaxHeaderLength && AchievementTable.PolicyNumber(cell) is null && Classify(cell, words).Role != ColumnRole.Unknown;

    /// <summary>A column formula such as "(B/A)" printed apart from its header word.</summary>
    public static bool IsFormula(string cell) => Formula().IsMatch(cell.Trim());

    [GeneratedRegex(@"^(?:基本方針|方針|区分|分野|施策|項目名|取組の柱|施策の柱|柱|名称|基本目標)(?:名)?$")]
    private static partial Regex LabelWords();

    [GeneratedRegex(@"^(?:計画)?(?:取組件数|項目数|取組数|事業数|件数|項目|総数|対象数?|全体|合計|計|計画数?)(?:\([A-Za-z]\))?$|^\([A-Za-z]\)$")]
    private static partial Regex PlannedWords();

    // 達成率, 達成率(B/A), 進捗率(%), %, 割合 — but not 効率的な… (率 inside a word).
    [GeneratedRegex(@"率(?:\([^()]*\))?$|^\(?%\)?$|^割合|^構成比")]
    private static partial Regex RateWords();

    [GeneratedRegex(@"^(?:増減|前年(?:度)?比|対前年(?:度)?(?:比|増減)?|前年(?:度)?差)(?:\([^()]*\))?$")]
    private static partial Regex ChangeWords();

    [GeneratedRegex(@"^\([A-Za-z/+\-×÷]+\)$")]
    private static partial Regex Formula();
}
