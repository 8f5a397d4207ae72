namespace BudgetWarehouse.Models;

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
/// <param name="StatusScale">Class on the normalised scale (achieved, on_track, delayed, not_started, other) from the status words file; for a grade with a legend, the class of the legend's word.</param>
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

/// <summary>Items that moved from one status to another since the last report ("A←C:3件(No5,12,48)").</summary>
/// <param name="From">The status before, as printed.</param>
/// <param name="To">The status now, as printed.</param>
/// <param name="ItemCount">Items that moved.</param>
/// <param name="ItemRefs">The item numbers listed with the count, in the order printed; empty when none.</param>
/// <param name="Line">Line the transition is printed on.</param>
public sealed record StatusTransition(string From, string To, int ItemCount, IReadOnlyList<int> ItemRefs, int Line)
{
    /// <summary>The item numbers as printed inside the brackets ("No5,12,48"); null when none are listed.</summary>
    public string? ItemRefsText { get; init; }

    /// <summary>The transition as printed ("A←C:3件(No5,12,48)").</summary>
    public string RawText { get; init; } = "";

    /// <summary>
    /// The word the report gives the status before: a printed legend's word for a grade (S=目標を上回って達成), or the
    /// status counted beside it that the letter starts (C → C後退); null when the printed status is a word itself.
    /// </summary>
    public string? FromMeaning { get; init; }

    /// <summary>The word the report gives the status now, as <see cref="FromMeaning"/>.</summary>
    public string? ToMeaning { get; init; }
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

    /// <summary>Items that changed status since the last report, as printed with the counts (A←C:3件).</summary>
    public IReadOnlyList<StatusTransition> Transitions { get; init; } = [];

    /// <summary>The row's cells as printed, joined with " | ".</summary>
    public required string RawText { get; init; }

    /// <summary>Lines the row spans (one line unless the table prints one cell per line).</summary>
    public required SourceSpan Span { get; init; }
}
