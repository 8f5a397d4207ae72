namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>What a line of a budget-priorities document is.</summary>
internal enum LineKind
{
    Blank,

    /// <summary>A heading: pillar, section, subsection, ◇ level …</summary>
    Heading,

    /// <summary>A bulleted item (・, ●, ○, optionally after "- ").</summary>
    Item,

    /// <summary>A line marked as a detail (" - text" without a bullet).</summary>
    MarkedDetail,

    /// <summary>Anything else: a paragraph, a detail line, or the continuation of a wrapped line.</summary>
    Text,
}

/// <summary>Heading marker families. Their nesting order is learned from each document.</summary>
internal enum MarkerKind
{
    None,

    /// <summary>I, II, IV (also Ⅰ Ⅱ after normalisation), optionally after ■.</summary>
    Roman,

    /// <summary>1, 2, 3 followed by a space or a dot.</summary>
    Arabic,

    /// <summary>(1), （２）.</summary>
    Paren,

    /// <summary>①, ②.</summary>
    Circled,

    /// <summary>◇, ◆, □ without a number.</summary>
    Diamond,
}

/// <summary>A classified line.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Marker">Heading marker family, for headings.</param>
/// <param name="Value">Number of a numbered heading (0 for ◇).</param>
/// <param name="MarkerText">The marker as printed (normalised).</param>
/// <param name="Body">Text without the marker.</param>
/// <param name="Prefixed">The heading carries a pillar prefix such as ■ or 第.</param>
internal readonly record struct BudgetLine(LineKind Kind, MarkerKind Marker, int Value, string MarkerText, string Body, bool Prefixed);
