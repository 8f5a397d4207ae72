namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>The text of one segment as the role and label rules see it: clauses, table cells and column roles.</summary>
internal sealed class RowShape
{
    private readonly int _firstTab;

    public RowShape(string text, int segmentStart, IReadOnlyList<string>? columns)
    {
        Text = text;
        SegmentStart = segmentStart;
        Columns = columns;
        _firstTab = text.IndexOf('\t');
        FirstCell = _firstTab < 0 ? null : MeasureLabels.CleanCell(text[.._firstTab]);
    }

    public string Text { get; }

    /// <summary>Index, in the document's measure list, of the segment's first measure.</summary>
    public int SegmentStart { get; }

    /// <summary>Roles of the row's figures in column order, when a table header named them.</summary>
    public IReadOnlyList<string>? Columns { get; }

    public string? FirstCell { get; }

    /// <summary>Figures of this segment read so far.</summary>
    public int Seen { get; set; }

    public bool InTableCell(QuantityMention m) => _firstTab >= 0 && m.Start > _firstTab;

    /// <summary>The words between the previous figure of the segment (or the last boundary) and <paramref name="m"/>.</summary>
    public string Clause(QuantityMention m, List<ExtractedMeasure> measures)
    {
        var previousEnd = measures.Count > SegmentStart ? measures[^1].Mention.End : 0;
        return Text[Clauses.ClauseStart(Text, m.Start, previousEnd)..m.Start];
    }

    /// <summary>The figure printed before the parenthesis that encloses <paramref name="m"/>, if any.</summary>
    public int? Owner(QuantityMention m, List<ExtractedMeasure> measures)
    {
        var outerOpen = Clauses.OuterOpenParenthesis(Text, m.Start);
        if (outerOpen < 0)
        {
            return null;
        }

        for (var k = measures.Count - 1; k >= SegmentStart; k--)
        {
            if (measures[k].Mention.End <= outerOpen && Clauses.OuterOpenParenthesis(Text, measures[k].Mention.Start) < 0)
            {
                return k;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="m"/> is the whole of a parenthesis that fills its line: 160億円 / (142億円).</summary>
    public bool IsParenthesisLine(QuantityMention m)
    {
        var open = Text.LastIndexOf('(', Math.Max(m.Start - 1, 0));
        if (open < 0 || !Text.AsSpan(open + 1, m.Start - open - 1).Trim().IsEmpty)
        {
            return false;
        }

        var close = m.End;
        while (close < Text.Length && Text[close] == ' ')
        {
            close++;
        }

        return close < Text.Length && Text[close] == ')' && AtLineStart(open) && AtLineEnd(close + 1);
    }

    private bool AtLineStart(int i)
    {
        while (i > 0 && Text[i - 1] == ' ')
        {
            i--;
        }

        return i == 0 || Text[i - 1] == '\n';
    }

    private bool AtLineEnd(int i)
    {
        while (i < Text.Length && Text[i] == ' ')
        {
            i++;
        }

        return i == Text.Length || Text[i] == '\n';
    }
}
