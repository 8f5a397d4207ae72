namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>What a status phrase says.</summary>
internal enum StatusEventKind
{
    /// <summary>N items have the word's status.</summary>
    Count,

    /// <summary>The population the counts are of: 項目数, 対象の取組 70項目, "72項目のうち".</summary>
    Total,

    /// <summary>N of the total are listed twice (うち4項目は再掲).</summary>
    Relisted,

    /// <summary>Distinct items (実質82件).</summary>
    Net,

    /// <summary>The word's count changed by N since the last report.</summary>
    Change,

    /// <summary>The word's share (完了の割合は12.5%, 実施率42.9%).</summary>
    Rate,

    /// <summary>The counts that follow break down the word's N items (取組中の58項目のうち…).</summary>
    BreakdownOf,
}

/// <summary>One statement about status counts found in a line.</summary>
/// <param name="Kind">What it says.</param>
/// <param name="Word">The status word as printed (spaces removed), when the statement names one.</param>
/// <param name="Number">The count, total or change.</param>
/// <param name="RateText">A share as printed ("12.5%"), for counts printed with one and for rates.</param>
/// <param name="Position">Where in the line it starts, for ordering.</param>
internal sealed record StatusEvent(StatusEventKind Kind, string? Word, int? Number, string? RateText, int Position)
{
    /// <summary>Policy label a table run starts with ("1 組織の見直し", "方針2"), or null.</summary>
    public string? Label { get; init; }
}
