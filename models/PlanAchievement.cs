namespace BudgetWarehouse.Models;

/// <summary>
/// Normalised status classes of plan-progress reports. Reports print status as words or grades
/// (達成 / 一部達成 / 未達成, A–D, S/A/B/C, 順調 / やや遅れ / 遅れ, 完了 / 取組中 / 未着手); each printed
/// word maps to one of these classes, best first.
/// </summary>
public static class StatusScales
{
    /// <summary>Target exceeded (S, 目標を上回る).</summary>
    public const string Exceeded = "exceeded";

    /// <summary>Achieved or completed (達成, 達成済, 完了, 実施済).</summary>
    public const string Achieved = "achieved";

    /// <summary>Progressing as planned, not yet finished (順調, 概ね順調).</summary>
    public const string OnTrack = "on_track";

    /// <summary>Partly achieved or under way (一部達成, 概ね達成, 取組中, 実施中).</summary>
    public const string Partial = "partial";

    /// <summary>Behind schedule (やや遅れ, 遅れ).</summary>
    public const string Behind = "behind";

    /// <summary>Not achieved (未達成).</summary>
    public const string NotAchieved = "not_achieved";

    /// <summary>Not started (未着手, 未実施).</summary>
    public const string NotStarted = "not_started";

    /// <summary>Result not yet known (数値未確定, 評価中, 集計中).</summary>
    public const string Pending = "pending";

    /// <summary>A word no scheme knows (its class comes from the status scheme file, if anywhere).</summary>
    public const string Other = "other";

    /// <summary>All classes, best first.</summary>
    public static IReadOnlyList<string> All { get; } = [Exceeded, Achieved, OnTrack, Partial, Behind, NotAchieved, NotStarted, Pending, Other];
}

/// <summary>Kinds of rows of an achievement table.</summary>
public static class AchievementRowKinds
{
    /// <summary>The row of one basic policy.</summary>
    public const string Policy = "policy";

    /// <summary>The total row (合計, 計, 全体) of a policy table.</summary>
    public const string Total = "total";

    /// <summary>A subtotal row (小計): checked against the rows above it, not a policy.</summary>
    public const string Subtotal = "subtotal";

    /// <summary>
    /// Status counts of the whole report stated outside a policy table (in prose, a list or a status table); a
    /// report may state several, one per scheme (完了 / 取組中 and 達成 / 未達成).
    /// </summary>
    public const string Status = "status";
}

/// <summary>A count of items with one status in one row of an achievement table.</summary>
/// <param name="StatusRaw">The status word as printed (達成, 一部達成, A, 数値未確定 …).</param>
/// <param name="StatusScale">Normalised class, see <see cref="StatusScales"/>.</param>
/// <param name="StatusRank">Position of the status in the document's own scheme, 1 = best.</param>
/// <param name="ItemCount">Number of items with this status.</param>
/// <param name="Line">Line the count is printed on.</param>
public sealed record StatusCount(string StatusRaw, string StatusScale, int StatusRank, int ItemCount, int Line)
{
    /// <summary>The share printed beside the count, in percent (12.5 for "12.5%").</summary>
    public double? StatedRate { get; init; }

    /// <summary>The share as printed.</summary>
    public string? StatedRateText { get; init; }

    /// <summary>Decimal places the share is printed with.</summary>
    public int StatedRateDecimals { get; init; }

    /// <summary>Change since the previous report (増減, 前年比; ▲3 = −3), when printed.</summary>
    public int? Change { get; init; }

    /// <summary>
    /// For a breakdown (順調 / やや遅れ within 取組中): the status it breaks down. Breakdown counts are not extra
    /// items and never add to the row's total.
    /// </summary>
    public string? ParentRaw { get; init; }

    /// <summary>The word a legend gives a printed grade ("B" → "概ね達成"), when the report prints one.</summary>
    public string? Meaning { get; init; }
}

/// <summary>One row of a plan-progress report's achievement table: a basic policy or the total.</summary>
public sealed record PlanAchievementEntry
{
    /// <summary><see cref="AchievementRowKinds.Policy"/> or <see cref="AchievementRowKinds.Total"/>.</summary>
    public required string RowKind { get; init; }

    /// <summary>The row's label as printed in the table (normalised).</summary>
    public required string Label { get; init; }

    /// <summary>Code of the level-1 policy node of the row, or null for the total row.</summary>
    public string? PolicyCode { get; init; }

    /// <summary>Fiscal year the table reports on; null means the document's year.</summary>
    public int? FiscalYear { get; init; }

    /// <summary>Items planned (the table's item count, or the sum of its status counts).</summary>
    public int? ItemsPlanned { get; init; }

    /// <summary>Items achieved (the achieved column, or the counts of the achieved statuses).</summary>
    public int? ItemsAchieved { get; init; }

    /// <summary>Items whose result is not yet known (※うち2項目は数値未確定).</summary>
    public int? ItemsPending { get; init; }

    /// <summary>The rate as printed, in percent (96.2 for 96.2%).</summary>
    public double? StatedRate { get; init; }

    /// <summary>The rate cell as printed, e.g. "96.2%".</summary>
    public string? StatedRateText { get; init; }

    /// <summary>Decimal places the rate is printed with.</summary>
    public int StatedRateDecimals { get; init; }

    /// <summary>True when <see cref="ItemsPlanned"/> is a printed total (項目数, 計, 対象の取組, "72項目のうち"), not a sum.</summary>
    public bool IsTotalPrinted { get; init; }

    /// <summary>Items listed twice (うち4項目は再掲), when printed.</summary>
    public int? ItemsRelisted { get; init; }

    /// <summary>Distinct items (実質82件, or the total less the re-listed ones), when either is printed.</summary>
    public int? ItemsNet { get; init; }

    /// <summary>The date the counts are as of (令和6年3月末現在 → 2024-03-31), when printed.</summary>
    public DateOnly? AsOfDate { get; init; }

    /// <summary>Counts per status, in the scheme's order.</summary>
    public IReadOnlyList<StatusCount> Statuses { get; init; } = [];

    /// <summary>The row's cells as printed, joined with " | ".</summary>
    public required string RawText { get; init; }

    /// <summary>Lines the row spans (one line unless the table prints one cell per line).</summary>
    public required SourceSpan Span { get; init; }
}
