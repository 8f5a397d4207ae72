namespace BudgetWarehouse.Models;

// Row records mirror the warehouse tables column for column, in the DDL's order (snake_case in SQL,
// PascalCase here): the loader's appender mapping is derived from them (RowAppender) and RowContractTests
// holds each record to sql/schema, so a new column is a property here plus the column and its comment there.
// They have init-only properties and a parameterless constructor so that Parquet.Net can read
// the lake back into them.

/// <summary>A row of <c>dim_document</c>: one loaded document.</summary>
public sealed record DimDocumentRow
{
    /// <summary>Stable id: the first 16 hex digits of the content's SHA-256.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>File name relative to the documents folder.</summary>
    public string FileName { get; init; } = "";
    /// <summary>Title from the manifest or the document's heading.</summary>
    public string? Title { get; init; }
    /// <summary>Document family.</summary>
    public string Family { get; init; } = "";
    /// <summary>'manifest' or 'inferred'.</summary>
    public string FamilySource { get; init; } = "";
    /// <summary>Municipality name, when known.</summary>
    public string? Municipality { get; init; }
    /// <summary>The document's fiscal year.</summary>
    public int FiscalYear { get; init; }
    /// <summary>'manifest' or 'inferred'.</summary>
    public string FiscalYearSource { get; init; } = "";
    /// <summary>Phrase and line the fiscal year was inferred from, when inferred.</summary>
    public string? FiscalYearEvidence { get; init; }
    /// <summary>SHA-256 of the file's bytes, hex.</summary>
    public string Sha256 { get; init; } = "";
    /// <summary>Text encoding the file was decoded from.</summary>
    public string Encoding { get; init; } = "";
    /// <summary>Number of physical lines.</summary>
    public int LineCount { get; init; }
    /// <summary>Size of the file in bytes.</summary>
    public long ByteCount { get; init; }
    /// <summary>Plan name (plan-progress reports).</summary>
    public string? PlanName { get; init; }
    /// <summary>First fiscal year of the plan period.</summary>
    public int? PlanStartFiscalYear { get; init; }
    /// <summary>Last fiscal year of the plan period.</summary>
    public int? PlanEndFiscalYear { get; init; }
    /// <summary>The plan's basic principle (基本理念).</summary>
    public string? PlanPrinciple { get; init; }
    /// <summary>When the load that wrote the row started (UTC).</summary>
    public DateTime LoadedAt { get; init; }
    /// <summary>Share of the document's non-blank lines whose role is not 'unrecognised' (fact_source_line); null when the parser does not account for lines.</summary>
    public double? Coverage { get; init; }
}

/// <summary>A row of <c>dim_policy</c>: one node of a document's policy tree.</summary>
public sealed record DimPolicyRow
{
    /// <summary>Stable id: document id and code.</summary>
    public string PolicyId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year of the node.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Depth (1 = pillar).</summary>
    public int Level { get; init; }
    /// <summary>Dotted ordinal path.</summary>
    public string Code { get; init; } = "";
    /// <summary>Marker as printed (normalised).</summary>
    public string Marker { get; init; } = "";
    /// <summary>Heading text.</summary>
    public string Title { get; init; } = "";
    /// <summary>Narrative paragraph, if any.</summary>
    public string? Description { get; init; }
    /// <summary>Parent node id, null for pillars.</summary>
    public string? ParentPolicyId { get; init; }
    /// <summary>Title of the level-1 ancestor (or self).</summary>
    public string? PillarTitle { get; init; }
    /// <summary>Title of the level-2 ancestor (or self).</summary>
    public string? SectionTitle { get; init; }
    /// <summary>Title of the level-3 ancestor (or self).</summary>
    public string? SubsectionTitle { get; init; }
    /// <summary>Titles from the pillar down to this node, joined with " > ".</summary>
    public string Path { get; init; } = "";
    /// <summary>Conformed cross-year theme.</summary>
    public string? Theme { get; init; }
    /// <summary>Why the theme was assigned.</summary>
    public string? ThemeEvidence { get; init; }
    /// <summary>1-based page of the heading when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>Line of the heading.</summary>
    public int SourceLine { get; init; }
}

/// <summary>A row of <c>fact_initiative</c>: one bulleted item or one detail line under an item.</summary>
public sealed record FactInitiativeRow
{
    /// <summary>Stable id: document id and sequence number.</summary>
    public string InitiativeId { get; init; } = "";
    /// <summary>Owning document.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>Fiscal year of the initiative.</summary>
    public int FiscalYear { get; init; }
    /// <summary>Deepest policy node above the item.</summary>
    public string? PolicyId { get; init; }
    /// <summary>Responsible department ('unknown' member when not known).</summary>
    public string DepartmentId { get; init; } = "";
    /// <summary>'explicit', 'rule' or 'none'.</summary>
    public string DepartmentMethod { get; init; } = "none";
    /// <summary>Why the department was assigned.</summary>
    public string? DepartmentEvidence { get; init; }
    /// <summary>'item' or 'detail'.</summary>
    public string Kind { get; init; } = "";
    /// <summary>Parent item of a detail.</summary>
    public string? ParentInitiativeId { get; init; }
    /// <summary>Position in the document.</summary>
    public int Seq { get; init; }
    /// <summary>Normalised text, wrapped lines joined.</summary>
    public string Text { get; init; } = "";
    /// <summary>Text as printed.</summary>
    public string RawText { get; init; } = "";
    /// <summary>Closing verb class.</summary>
    public string? Action { get; init; }
    /// <summary>A new programme (創設/新設).</summary>
    public bool IsNewProgram { get; init; }
    /// <summary>Listed again under another policy (再掲).</summary>
    public bool IsRelisted { get; init; }
    /// <summary>Brought forward into the previous year's final supplementary budget (最終補正).</summary>
    public bool IsFinalSupplementary { get; init; }
    /// <summary>Marked as a numeric target (数値目標).</summary>
    public bool IsNumericTarget { get; init; }
    /// <summary>Reference into the plan, e.g. 'P27 No.1'.</summary>
    public string? PlanRef { get; init; }
    /// <summary>Description paragraph stored with the item.</summary>
    public string? Description { get; init; }
    /// <summary>1-based page of the first line when the document has pages (a PDF); null for a text document.</summary>
    public int? SourcePage { get; set; }
    /// <summary>First physical line.</summary>
    public int SourceLineStart { get; init; }
    /// <summary>Last physical line.</summary>
    public int SourceLineEnd { get; init; }
    /// <summary>Budget function (目的別歳出 款, dim_function); 'unknown' when none could be assigned.</summary>
    public string FunctionId { get; init; } = "unknown";
    /// <summary>'explicit' (the document prints the 款 above the item or in its row), 'rule' or 'none'.</summary>
    public string FunctionMethod { get; init; } = "none";
    /// <summary>The caption, column or rule and matched words behind the function, or why there is none.</summary>
    public string? FunctionEvidence { get; init; }
    /// <summary>Tags printed on the item, without brackets, separated by '; ' (新規; 総合戦略重点); null when none.</summary>
    public string? Tags { get; init; }
}

/// <summary>A row of <c>etl_document</c>: what happened to one document in one run.</summary>
public sealed record EtlDocumentRow
{
    /// <summary>The run.</summary>
    public string RunId { get; init; } = "";
    /// <summary>File name relative to the documents folder.</summary>
    public string FileName { get; init; } = "";
    /// <summary>Document id when the file could be read.</summary>
    public string? DocumentId { get; init; }
    /// <summary>SHA-256 of the bytes, when the file could be read.</summary>
    public string? Sha256 { get; init; }
    /// <summary>'loaded', 'unchanged', 'rejected', 'stale' or 'removed'.</summary>
    public string Status { get; init; } = "";
    /// <summary>Family, when known.</summary>
    public string? Family { get; init; }
    /// <summary>Reason for a rejection.</summary>
    public string? Error { get; init; }
    /// <summary>Line the error concerns (0 = whole file).</summary>
    public int? ErrorLine { get; init; }
    /// <summary>Warnings, one per line.</summary>
    public string? Warnings { get; init; }
    /// <summary>Rows written for the document across all facts.</summary>
    public long RowCount { get; init; }
}
