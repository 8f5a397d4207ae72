using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// Reads the quantities of a single text as the value types of <c>models</c>, for callers that need
/// the values without roles, labels or document context (reference data, notebooks' helpers, tests).
/// </summary>
internal static class JapaneseQuantities
{
    /// <summary>Every amount of money in the text (271億円, △3億円, 約10億円 …).</summary>
    public static IReadOnlyList<YenAmount> Money(string text, long? statedUnitYen = null) =>
        [.. Scan(text, statedUnitYen, QuantityKind.Money).Select(m => new YenAmount(m.AmountYen ?? 0, m.IsApproximate, m.RawText))];

    /// <summary>Every percentage in the text (5.4%, ５．４％ …).</summary>
    public static IReadOnlyList<Percentage> Percentages(string text) =>
        [.. Scan(text, null, QuantityKind.Percent).Select(m => new Percentage(m.Value, m.IsApproximate, m.RawText))];

    /// <summary>Every count with its counter word (3クラブ, 42件 …); ordinals and names are not counts.</summary>
    public static IReadOnlyList<CountedQuantity> Counts(string text) =>
        [.. Scan(text, null, QuantityKind.Count).Select(m => new CountedQuantity(m.Value, m.Counter ?? "", m.IsApproximate, m.RawText))];

    /// <summary>Every date phrase; <paramref name="fiscalYear"/> places a month written without a year.</summary>
    public static IReadOnlyList<JapaneseDate> Dates(string text, int? fiscalYear = null) =>
        [.. DateScanner.Scan(MappedText.Create(text), fiscalYear).Select(d => d.Date)];

    private static IEnumerable<QuantityMention> Scan(string text, long? unit, QuantityKind kind) =>
        QuantityScanner.Scan(MappedText.Create(text), unit).Where(m => m.Kind == kind);
}
