namespace BudgetWarehouse.Models;

/// <summary>A row of <c>dim_function</c>: one 款 of the purpose classification of municipal expenditure (目的別歳出).</summary>
public sealed record DimFunctionRow
{
    /// <summary>Key: 'F' and the two-digit code (F03 = 民生費); 'unknown' for the member used when no function could be assigned.</summary>
    public string FunctionId { get; init; } = "";
    /// <summary>Position of the 款 in the national classification for municipalities (1 議会費 … 14 予備費); null for 'unknown'.</summary>
    public int? Code { get; init; }
    /// <summary>The 款 as printed in budgets, e.g. 民生費.</summary>
    public string Name { get; init; } = "";
    /// <summary>What the 款 covers, in a sentence.</summary>
    public string? Description { get; init; }
    /// <summary>Reference file and line the row comes from ('system' for 'unknown').</summary>
    public string? Source { get; init; }
}
