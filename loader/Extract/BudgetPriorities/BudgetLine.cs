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

    /// <summary>A table-of-contents line: a title with a leader and a page number (……… 12).</summary>
    Contents,
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

    /// <summary>1), 2): a number closed by a parenthesis, a scheme of its own beside (1) and 1.</summary>
    ArabicClose,

    /// <summary>A label word with a number: 柱2, 政策 3, 方針2, Vision 3, 《ポイント2》, &lt;2&gt;, 第2.</summary>
    Label,

    /// <summary>A caption in brackets filling the line: 【防災・安全】, 〔子育て〕.</summary>
    Caption,

    /// <summary>■ or ● before a title without a number: a heading or an item mark, decided by its siblings.</summary>
    Symbol,
}

/// <summary>A classified line.</summary>
/// <param name="Kind">What the line is.</param>
/// <param name="Marker">Heading marker family, for headings.</param>
/// <param name="Value">Number of a numbered heading (0 for ◇).</param>
/// <param name="MarkerText">The marker as printed (normalised).</param>
/// <param name="Body">Text without the marker.</param>
/// <param name="Prefixed">The heading carries a pillar prefix such as ■ or 第.</param>
/// <param name="Scheme">
/// The numbering scheme of a heading (arabic, paren, circled, ◇, label:柱 …): headings of one scheme are siblings,
/// and the order in which schemes first appear in a document gives their depth.
/// </param>
internal readonly record struct BudgetLine(LineKind Kind, MarkerKind Marker, int Value, string MarkerText, string Body, bool Prefixed, string Scheme = "")
{
    public static BudgetLine Text(string body) => new(LineKind.Text, MarkerKind.None, 0, "", body, false);

    public static BudgetLine Item(string marker, string body) => new(LineKind.Item, MarkerKind.None, 0, marker, body, false);

    public static BudgetLine Heading(MarkerKind marker, int value, string markerText, string body, bool prefixed, string scheme) =>
        new(LineKind.Heading, marker, value, markerText, body, prefixed, scheme);
}
