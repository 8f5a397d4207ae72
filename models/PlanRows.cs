namespace BudgetWarehouse.Models;

/// <summary>A row of <c>fact_plan_achievement</c>: one basic policy (or the total) per reporting year of a plan-progress document.</summary>
public sealed record FactPlanAchievementRow
{
    /// <summary>Stable id: document id, fiscal year and row position.</summary>
    public string AchievementId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year the row reports on.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Level-1 policy node of the row; null for the total row.</summary>
    public string? PolicyId { get; init; }
    /// <summary>'policy' or 'total'.</summary>
    public string RowKind { get; init; } = "";
    /// <summary>Row label as printed.</summary>
    public string Label { get; init; } = "";
    /// <summary>Items planned.</summary>
    public int? ItemsPlanned { get; init; }
    /// <summary>Items achieved.</summary>
    public int? ItemsAchieved { get; init; }
    /// <summary>Items whose result is not yet known.</summary>
    public int? ItemsPending { get; init; }
    /// <summary>Achieved / planned in percent, recomputed from the counts.</summary>
    public double? AchievementRate { get; init; }
    /// <summary>The rate as printed, in percent.</summary>
    public double? StatedRate { get; init; }
    /// <summary>The rate cell as printed.</summary>
    public string? StatedRateText { get; init; }
    /// <summary>True when the recomputed and printed rates agree at the printed precision; null when either is missing.</summary>
    public bool? IsConsistent { get; init; }
    /// <summary>The row's cells as printed.</summary>
    public string RawText { get; init; } = "";
    /// <summary>1-based page of the row's first line when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>First line of the row.</summary>
    public int SourceLine { get; init; }
    /// <summary>Last line of the row.</summary>
    public int SourceLineEnd { get; init; }
}

/// <summary>A row of <c>fact_plan_status</c>: the count of items with one status in one achievement-table row.</summary>
public sealed record FactPlanStatusRow
{
    /// <summary>Stable id: the achievement row and the status position.</summary>
    public string StatusId { get; init; } = "";
    /// <summary>Achievement-table row the count belongs to.</summary>
    public string AchievementId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year the row reports on.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Level-1 policy node; null for the total row.</summary>
    public string? PolicyId { get; init; }
    /// <summary>'policy', 'total', 'subtotal' or 'status'.</summary>
    public string RowKind { get; init; } = "";
    /// <summary>Status word as printed.</summary>
    public string StatusRaw { get; init; } = "";
    /// <summary>Class on the normalised scale as the parser read it (same words file as status_class).</summary>
    public string StatusScale { get; init; } = "";
    /// <summary>Position in the document's scheme, 1 = best.</summary>
    public int StatusRank { get; init; }
    /// <summary>Items with this status.</summary>
    public int ItemCount { get; init; }
    /// <summary>1-based page of the count's line when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>Line the count is printed on.</summary>
    public int SourceLine { get; init; }
    /// <summary>Class on the normalised scale: achieved, on_track, delayed, not_started or other (seeds/reference/plan_status_words.csv).</summary>
    public string StatusClass { get; init; } = "";
    /// <summary>Rank on the normalised scale, 1 = best, from the same file.</summary>
    public int ScaleRank { get; init; }
    /// <summary>False when the status file does not know the word (it then counts as other).</summary>
    public bool IsSchemeWord { get; init; }
    /// <summary>For a breakdown (順調 within 取組中): the status it breaks down.</summary>
    public string? ParentStatusRaw { get; init; }
    /// <summary>True for a breakdown count: part of another count, not extra items.</summary>
    public bool IsBreakdown { get; init; }
    /// <summary>Change since the previous report, as printed (増減, 前年比; ▲3 = -3).</summary>
    public int? StatusChange { get; init; }
    /// <summary>Items the count is of: the printed total, else the sum of the row's counts.</summary>
    public int? ItemsTotal { get; init; }
    /// <summary>The share printed beside the count, in percent.</summary>
    public double? StatedRate { get; init; }
    /// <summary>The share as printed.</summary>
    public string? StatedRateText { get; init; }
    /// <summary>item_count / items_total in percent.</summary>
    public double? RecomputedRate { get; init; }
    /// <summary>False when the printed share or the row's printed total, breakdown or net count disagrees; null when nothing could be checked.</summary>
    public bool? IsConsistent { get; init; }
    /// <summary>Plan reported on.</summary>
    public string? PlanName { get; init; }
    /// <summary>First fiscal year of the plan's period.</summary>
    public int? PlanStartFiscalYear { get; init; }
    /// <summary>Last fiscal year of the plan's period.</summary>
    public int? PlanEndFiscalYear { get; init; }
    /// <summary>Date the counts are as of (令和6年3月末現在), when printed.</summary>
    public DateOnly? AsOfDate { get; init; }
}

/// <summary>
/// A row of <c>fact_plan_transition</c>: items that moved from one status to another since the last report, as a
/// progress report prints them beside its status counts ("A←C:3件(No5,12,48)": 3 items moved from C to A).
/// </summary>
public sealed record FactPlanTransitionRow
{
    /// <summary>Stable id: the achievement row and the transition's position under it.</summary>
    public string TransitionId { get; init; } = "";
    /// <summary>Achievement row (the status counts) the transition is printed with.</summary>
    public string AchievementId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year the counts it belongs to report on.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Level-1 policy node of its counts, when they are stated for a policy.</summary>
    public string? PolicyId { get; init; }
    /// <summary>Row kind of its counts: 'status', 'policy', 'total' or 'subtotal'.</summary>
    public string RowKind { get; init; } = "";
    /// <summary>The status before, as printed (C, 一部達成).</summary>
    public string FromRaw { get; init; } = "";
    /// <summary>The word the report gives a printed grade before (legend, or the counted status the letter starts).</summary>
    public string? FromMeaning { get; init; }
    /// <summary>Class of the status before on the normalised scale (seeds/reference/plan_status_words.csv).</summary>
    public string FromClass { get; init; } = "";
    /// <summary>Rank of the status before on the normalised scale, 1 = best.</summary>
    public int FromRank { get; init; }
    /// <summary>The status now, as printed.</summary>
    public string ToRaw { get; init; } = "";
    /// <summary>The word the report gives a printed grade now.</summary>
    public string? ToMeaning { get; init; }
    /// <summary>Class of the status now on the normalised scale.</summary>
    public string ToClass { get; init; } = "";
    /// <summary>Rank of the status now on the normalised scale, 1 = best.</summary>
    public int ToRank { get; init; }
    /// <summary>Items that moved.</summary>
    public int ItemCount { get; init; }
    /// <summary>The item numbers as printed ("No5,12,48"); null when none are listed.</summary>
    public string? ItemRefs { get; init; }
    /// <summary>The item numbers, comma-separated without prefix or spaces ("5,12,48"); null when none are listed.</summary>
    public string? ItemNumbers { get; init; }
    /// <summary>The transition as printed.</summary>
    public string RawText { get; init; } = "";
    /// <summary>1-based page of the transition's line when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>Line the transition is printed on.</summary>
    public int SourceLine { get; init; }
}
