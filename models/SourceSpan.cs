namespace BudgetWarehouse.Models;

/// <summary>
/// A range of 1-based physical line numbers in a source document, inclusive on both ends.
/// Every node, row and diagnostic carries one so that any fact can be traced to its lines.
/// </summary>
/// <param name="StartLine">First line (1-based).</param>
/// <param name="EndLine">Last line (1-based, inclusive).</param>
public readonly record struct SourceSpan(int StartLine, int EndLine)
{
    /// <summary>A span covering a single line.</summary>
    public static SourceSpan Line(int line) => new(line, line);

    /// <summary>The smallest span covering both spans.</summary>
    public SourceSpan Union(SourceSpan other) =>
        new(Math.Min(StartLine, other.StartLine), Math.Max(EndLine, other.EndLine));

    /// <inheritdoc />
    public override string ToString() => StartLine == EndLine ? $"{StartLine}" : $"{StartLine}-{EndLine}";
}
