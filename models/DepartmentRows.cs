namespace BudgetWarehouse.Models;

/// <summary>A row of <c>dim_department</c>: one organisational unit over one validity range (type 2).</summary>
public sealed record DimDepartmentRow
{
    /// <summary>Stable key derived from municipality, name and first fiscal year.</summary>
    public string DepartmentId { get; init; } = "";
    /// <summary>Unit name, e.g. 文化政策課.</summary>
    public string Name { get; init; } = "";
    /// <summary>Nearest 局/部 above the unit (the unit itself for a 局 or 部).</summary>
    public string? Bureau { get; init; }
    /// <summary>Kind of unit: 局 部 課 室 センター 本部 …</summary>
    public string Kind { get; init; } = "";
    /// <summary>Municipality, when known.</summary>
    public string? Municipality { get; init; }
    /// <summary>First fiscal year the row is valid (null = since before the data).</summary>
    public int? ValidFromFy { get; init; }
    /// <summary>Last fiscal year the row is valid (null = still valid).</summary>
    public int? ValidToFy { get; init; }
    /// <summary>Valid in the latest fiscal year loaded (set after loading).</summary>
    public bool IsCurrent { get; init; }
    /// <summary>'reference' (directory file), 'document' (stated in a document) or 'system'.</summary>
    public string Source { get; init; } = "";
    /// <summary>Immediate parent unit.</summary>
    public string? Parent { get; init; }
    /// <summary>Directory file and line, or the document sentence that created or ended the row; plus the analyst's note.</summary>
    public string? Evidence { get; init; }
}
