namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>What kind of quantity a mention is.</summary>
internal enum QuantityKind
{
    Money,
    Percent,
    Count,
}

/// <summary>
/// One quantity found in a text, before roles and labels are assigned. Positions index the NFKC
/// working copy; <see cref="RawText"/> is the printed text.
/// </summary>
/// <param name="Kind">Money, percent or count.</param>
/// <param name="Value">The number as printed after multipliers (yen for money).</param>
/// <param name="AmountYen">Yen, for money.</param>
/// <param name="Counter">Counter word, for counts.</param>
/// <param name="IsApproximate">約, およそ, 余, あまり, 程度 …</param>
/// <param name="Bound">未満, 以下, 以内, 以上, 超 when the quantity is a limit rather than a value.</param>
/// <param name="Start">First working character, including a sign or 約.</param>
/// <param name="NumberStart">First digit.</param>
/// <param name="End">One past the last working character, including 余 or a bound word.</param>
/// <param name="RawText">The printed text of [Start, End).</param>
/// <param name="ParseError">Why the amount could not be stored (too large for amount_yen, too many digits); null when it was read.</param>
internal sealed record QuantityMention(
    QuantityKind Kind,
    double Value,
    long? AmountYen,
    string? Counter,
    bool IsApproximate,
    string? Bound,
    int Start,
    int NumberStart,
    int End,
    string RawText,
    string? ParseError = null);
