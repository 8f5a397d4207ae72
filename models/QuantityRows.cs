namespace BudgetWarehouse.Models;

/// <summary>A row of <c>fact_measure</c>: one quantity stated in a document.</summary>
public sealed record FactMeasureRow
{
    /// <summary>Stable id: initiative id and the quantity's position in it.</summary>
    public string MeasureId { get; init; } = "";
    /// <summary>Initiative the quantity is stated in.</summary>
    public string InitiativeId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year of the initiative.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Policy node of the initiative.</summary>
    public string? PolicyId { get; init; }
    /// <summary>Department of the initiative.</summary>
    public string DepartmentId { get; init; } = "";
    /// <summary>What is measured (実質公債費比率), when the text names it.</summary>
    public string? Label { get; init; }
    /// <summary>The number: yen for money, the printed number for percentages and counts.</summary>
    public double Value { get; init; }
    /// <summary>'JPY', 'percent' or 'count'.</summary>
    public string Unit { get; init; } = "";
    /// <summary>Counter word for counts (件, 名, 施設 …).</summary>
    public string? Counter { get; init; }
    /// <summary>Yen, for money.</summary>
    public long? AmountYen { get; init; }
    /// <summary>'value', 'threshold', 'benchmark', 'component', 'cumulative' or 'total'.</summary>
    public string Role { get; init; } = "";
    /// <summary>The measure a component, threshold or benchmark refers to.</summary>
    public string? ParentMeasureId { get; init; }
    /// <summary>Comparison word printed after a limit (未満, 以下, 以上 …).</summary>
    public string? Bound { get; init; }
    /// <summary>Words qualifying a threshold or benchmark (安全とされる, 地財計画).</summary>
    public string? Note { get; init; }
    /// <summary>The text hedges the number (約, およそ, 余 …).</summary>
    public bool IsApproximate { get; init; }
    /// <summary>The quantity as printed.</summary>
    public string RawText { get; init; } = "";
    /// <summary>1-based page of the quantity's line when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>Physical line of the quantity.</summary>
    public int SourceLine { get; init; }
    /// <summary>Budget function of the initiative (dim_function); 'unknown' when none was assigned.</summary>
    public string FunctionId { get; init; } = "unknown";
    /// <summary>How the initiative's function was found: 'explicit', 'rule' or 'none'.</summary>
    public string FunctionMethod { get; init; } = "none";
    /// <summary>The initiative's function evidence.</summary>
    public string? FunctionEvidence { get; init; }
    /// <summary>Why the amount could not be stored in <see cref="AmountYen"/> (too large, too many digits); null when it was read.</summary>
    public string? ParseError { get; init; }
}

/// <summary>A row of <c>fact_milestone</c>: one dated schedule phrase.</summary>
public sealed record FactMilestoneRow
{
    /// <summary>Stable id: initiative id and the phrase's position in it.</summary>
    public string MilestoneId { get; init; } = "";
    /// <summary>Initiative the phrase belongs to.</summary>
    public string InitiativeId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year of the initiative.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Policy node of the initiative.</summary>
    public string? PolicyId { get; init; }
    /// <summary>Department of the initiative.</summary>
    public string DepartmentId { get; init; } = "";
    /// <summary>What happens (開設, 完成, 供用開始, 開催 …).</summary>
    public string Event { get; init; } = "";
    /// <summary>First day the phrase can mean.</summary>
    public DateOnly StartDate { get; init; }
    /// <summary>Last day the phrase can mean.</summary>
    public DateOnly EndDate { get; init; }
    /// <summary>'day', 'month', 'season', 'fiscal_year' or 'year'.</summary>
    public string Precision { get; init; } = "";
    /// <summary>The text says 予定.</summary>
    public bool IsPlanned { get; init; }
    /// <summary>Fiscal year the milestone falls in (of its start date).</summary>
    public int TargetFiscalYear { get; init; }
    /// <summary>The phrase as printed.</summary>
    public string RawText { get; init; } = "";
    /// <summary>1-based page of the phrase's line when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>Physical line of the phrase.</summary>
    public int SourceLine { get; init; }
}
