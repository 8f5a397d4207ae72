namespace BudgetWarehouse.Models;

/// <summary>Names of the document families the loader understands.</summary>
public static class DocumentFamilies
{
    /// <summary>Budget priorities (予算の重点, 当初予算の概要, 広報 budget pages).</summary>
    public const string BudgetPriorities = "budget_priorities";

    /// <summary>Progress reports on an administrative plan (取組状況, 達成率).</summary>
    public const string PlanProgress = "plan_progress";
}

/// <summary>One node of a document's policy tree (pillar, section, subsection, …).</summary>
public sealed record PolicyNode
{
    /// <summary>Depth in the tree: 1 = pillar / 基本方針, 2 = section, 3 = subsection, …</summary>
    public required int Level { get; init; }

    /// <summary>
    /// Dotted path of ordinal positions, e.g. "1", "1.2", "1.2.3"; unique within a document. Plan-progress
    /// reports prefix it with the reporting year ("2023/1.2") because they repeat their policies per year.
    /// </summary>
    public required string Code { get; init; }

    /// <summary>Heading text without its marker.</summary>
    public required string Title { get; init; }

    /// <summary>The marker as printed (normalised), e.g. "1", "(1)", "①", "◇".</summary>
    public required string Marker { get; init; }

    /// <summary>Narrative paragraph under the heading, if any.</summary>
    public string? Description { get; set; }

    /// <summary>Code of the parent node, or null for a pillar.</summary>
    public string? ParentCode { get; init; }

    /// <summary>Fiscal year the node belongs to when a document covers several years; null means the document's year.</summary>
    public int? FiscalYear { get; init; }

    /// <summary>Where the heading is.</summary>
    public required SourceSpan Span { get; init; }
}

/// <summary>Kinds of initiative rows.</summary>
public static class InitiativeKinds
{
    /// <summary>A bulleted item.</summary>
    public const string Item = "item";

    /// <summary>An unbulleted detail line under an item.</summary>
    public const string Detail = "detail";

    /// <summary>
    /// A line of the document's budget overview that states amounts but names no project: 一般会計 387億円(前年度比 3.1%↑),
    /// an account row of a 予算の規模 table. Its amounts load; it is not counted as an item.
    /// </summary>
    public const string Summary = "summary";
}

/// <summary>What a source line is, in <see cref="SourceLineEntry.Role"/>.</summary>
public static class SourceLineRoles
{
    /// <summary>A heading of the outline, or the document's title.</summary>
    public const string Heading = "heading";

    /// <summary>A line of an item (its bullet line, wrapped remainder or amount lines).</summary>
    public const string Item = "item";

    /// <summary>A line of a detail under an item.</summary>
    public const string Detail = "detail";

    /// <summary>A table header, unit note or overview row.</summary>
    public const string TableRow = "table_row";

    /// <summary>A narrative paragraph or note.</summary>
    public const string Prose = "prose";

    /// <summary>Page furniture: page numbers, running headers, site navigation, table-of-contents lines, file sizes.</summary>
    public const string Chrome = "chrome";

    /// <summary>A line no rule understood.</summary>
    public const string Unrecognised = "unrecognised";
}

/// <summary>One non-blank physical line of a document and what the parser made of it.</summary>
/// <param name="Line">1-based physical line number.</param>
/// <param name="Page">Page the line is printed on, when the source has pages.</param>
/// <param name="Text">The line as printed.</param>
/// <param name="Role">One of <see cref="SourceLineRoles"/>.</param>
/// <param name="PolicyCode">Code of the policy node the line belongs to, if any.</param>
/// <param name="InitiativeSeq">Seq of the item, detail or summary the line belongs to, if any.</param>
public sealed record SourceLineEntry(int Line, int? Page, string Text, string Role, string? PolicyCode, int? InitiativeSeq);

/// <summary>A bulleted item or one of its detail lines, with wrapped physical lines joined.</summary>
public sealed record InitiativeNode
{
    /// <summary>1-based position in the document, in reading order; unique within a document.</summary>
    public required int Seq { get; init; }

    /// <summary><see cref="InitiativeKinds.Item"/> or <see cref="InitiativeKinds.Detail"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a detail, the <see cref="Seq"/> of its item.</summary>
    public int? ParentSeq { get; init; }

    /// <summary>Code of the deepest policy node above the item, or null when none.</summary>
    public string? PolicyCode { get; init; }

    /// <summary>Normalised text (NFKC, circled numbers kept) with the bullet removed and wrapped lines joined.</summary>
    public required string Text { get; init; }

    /// <summary>The same text as printed, before normalisation.</summary>
    public required string RawText { get; init; }

    /// <summary>Physical lines the text spans.</summary>
    public required SourceSpan Span { get; init; }

    /// <summary>Fiscal year the initiative belongs to when a document covers several years; null means the document's year.</summary>
    public int? FiscalYear { get; init; }

    /// <summary>Reference into the plan document, e.g. "P27 No.1".</summary>
    public string? PlanRef { get; init; }

    /// <summary>Tags printed on the item rather than part of its name, without brackets: 新規, 補正予算, 総合戦略重点, 単独, 新, 改, 完.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Description paragraph stored with the item (plan-progress reports).</summary>
    public string? Description { get; set; }

    /// <summary>Span of the description paragraph, if any.</summary>
    public SourceSpan? DescriptionSpan { get; set; }

    /// <summary>The item is marked as a numeric target (数値目標).</summary>
    public bool IsNumericTarget { get; init; }

    /// <summary>Yen per bare number in the item's text, when a table header or unit note above it states one (1000 for 千円).</summary>
    public long? UnitYen { get; init; }

    /// <summary>Measure roles of a table row's figures in column order, when the table header names them.</summary>
    public IReadOnlyList<string>? Columns { get; init; }
}

/// <summary>The result of parsing one document: its policy tree and initiatives.</summary>
public sealed record ParsedDocument
{
    /// <summary>Family name, see <see cref="DocumentFamilies"/>.</summary>
    public required string Family { get; init; }

    /// <summary>Title taken from the document's heading, if it has one.</summary>
    public string? Title { get; init; }

    /// <summary>Fiscal year inferred from the text, or null when the text does not say.</summary>
    public int? InferredFiscalYear { get; init; }

    /// <summary>Why <see cref="InferredFiscalYear"/> was chosen (the phrase and its line).</summary>
    public string? FiscalYearEvidence { get; init; }

    /// <summary>Policy nodes in reading order.</summary>
    public required IReadOnlyList<PolicyNode> Policies { get; init; }

    /// <summary>Items and details in reading order.</summary>
    public required IReadOnlyList<InitiativeNode> Initiatives { get; init; }

    /// <summary>Non-fatal findings.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];

    /// <summary>Plan name, for plan-progress reports.</summary>
    public string? PlanName { get; init; }

    /// <summary>First fiscal year of the plan period, for plan-progress reports.</summary>
    public int? PlanStartFiscalYear { get; init; }

    /// <summary>Last fiscal year of the plan period, for plan-progress reports.</summary>
    public int? PlanEndFiscalYear { get; init; }

    /// <summary>The plan's basic principle (基本理念), for plan-progress reports.</summary>
    public string? PlanPrinciple { get; init; }

    /// <summary>Rows of the achievement table(s), for plan-progress reports.</summary>
    public IReadOnlyList<PlanAchievementEntry> Achievements { get; init; } = [];

    /// <summary>Every non-blank line with its role, for parsers that account for each line; empty otherwise.</summary>
    public IReadOnlyList<SourceLineEntry> SourceLines { get; init; } = [];
}
