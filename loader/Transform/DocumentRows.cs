using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>Everything one document contributes to the warehouse.</summary>
internal sealed class DocumentRows
{
    public required DimDocumentRow Document { get; set; }

    public List<DimPolicyRow> Policies { get; } = [];

    public List<FactInitiativeRow> Initiatives { get; } = [];

    public List<FactMeasureRow> Measures { get; } = [];

    public List<FactMilestoneRow> Milestones { get; } = [];

    public List<FactPlanAchievementRow> PlanAchievements { get; } = [];

    public List<FactPlanStatusRow> PlanStatuses { get; } = [];

    public List<FactPlanTransitionRow> PlanTransitions { get; } = [];

    public List<FactSourceLineRow> SourceLines { get; } = [];

    /// <summary>Reorganisations the document states (applied to dim_department across documents).</summary>
    public List<Departments.StatedChange> DepartmentChanges { get; } = [];

    public IReadOnlyList<Diagnostic> Warnings { get; set; } = [];

    public long RowCount => 1 + Policies.Count + Initiatives.Count + Measures.Count + Milestones.Count + PlanAchievements.Count + PlanStatuses.Count + PlanTransitions.Count + SourceLines.Count;
}

/// <summary>What the loader knows about a document before parsing it.</summary>
internal sealed record DocumentContext
{
    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public required string DocumentId { get; init; }

    public required long ByteCount { get; init; }

    public required DateTime LoadedAt { get; init; }

    public string? Municipality { get; init; }

    public string? Title { get; init; }

    public int? ManifestFiscalYear { get; init; }

    public string? ManifestFamily { get; init; }

    /// <summary>Directory and rules of seeds/reference/; null means none.</summary>
    public Reference.ReferenceData? Reference { get; init; }
}
