namespace BudgetWarehouse.Models;

/// <summary>
/// A row of <c>fact_source_line</c>: one non-blank line of a loaded document as printed, with what the parser
/// made of it and the policy node or initiative it belongs to. Nothing read is thrown away.
/// </summary>
public sealed record FactSourceLineRow
{
    /// <summary>Document the line is in.</summary>
    public string DocumentId { get; init; } = "";
    /// <summary>The document's fiscal year (the partition of the lake).</summary>
    public int FiscalYear { get; init; }
    /// <summary>1-based page the line is printed on, when the source has pages; null for plain text.</summary>
    public int? SourcePage { get; init; }
    /// <summary>1-based physical line number.</summary>
    public int SourceLine { get; init; }
    /// <summary>The line as printed (trimmed); null when it is the whole raw text of its initiative (read it through v_source_line).</summary>
    public string? Text { get; init; }
    /// <summary>heading, item, detail, table_row, prose, chrome or unrecognised (<see cref="SourceLineRoles"/>).</summary>
    public string Role { get; init; } = "";
    /// <summary>Policy node the line belongs to, if any; null when it is its initiative's policy (v_source_line fills it in).</summary>
    public string? PolicyId { get; init; }
    /// <summary>Initiative (item, detail or summary) the line belongs to, if any.</summary>
    public string? InitiativeId { get; init; }
}
