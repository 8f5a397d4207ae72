namespace BudgetWarehouse.Models;

/// <summary>Row of bridge_initiative_lineage: the cross-year lineage an initiative belongs to.</summary>
public sealed record BridgeInitiativeLineageRow
{
    /// <summary>Initiative (fact_initiative, kind = item, not relisted).</summary>
    public string InitiativeId { get; init; } = "";
    /// <summary>L- followed by the initiative id of the lineage's earliest year.</summary>
    public string LineageId { get; init; } = "";
    /// <summary>Municipality of the document.</summary>
    public string? Municipality { get; init; }
    /// <summary>Document family.</summary>
    public string Family { get; init; } = "";
    /// <summary>Fiscal year of the initiative's document.</summary>
    public int FiscalYear { get; init; }
    /// <summary>The same undertaking in the previous loaded fiscal year of the series; null when it starts here.</summary>
    public string? PriorInitiativeId { get; init; }
    /// <summary>Fiscal year of the prior initiative.</summary>
    public int? PriorFiscalYear { get; init; }
    /// <summary>Dice coefficient of the character bigrams of the two cores; null when it starts here.</summary>
    public double? Similarity { get; init; }
    /// <summary>first, dice or containment.</summary>
    public string LinkRule { get; init; } = "";
    /// <summary>The text compared.</summary>
    public string CoreText { get; init; } = "";
}
