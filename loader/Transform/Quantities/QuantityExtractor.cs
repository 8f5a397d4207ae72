using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// A piece of document text to read quantities and dates from: an item, a detail line or a
/// description paragraph. Segments that share a <see cref="GroupKey"/> (an item and its details)
/// are read together so that a うち line can refer to the amount on the line above it.
/// </summary>
/// <param name="Key">Id of the initiative the text belongs to.</param>
/// <param name="GroupKey">Id of the item the initiative belongs to (its own id for an item).</param>
/// <param name="RawText">The text as printed; wrapped lines may be joined with newlines.</param>
/// <param name="FirstLine">Physical line of the first character.</param>
/// <param name="FiscalYear">Fiscal year the text is about, to place a month written without a year.</param>
/// <param name="UnitYen">Yen per bare number, when a table header or note above the text states a unit (1000 for 千円).</param>
/// <param name="Columns">Roles of the bare numbers of a table row, in column order (value, prior_year, change), when its header names them.</param>
internal sealed record QuantitySegment(
    string Key, string GroupKey, string RawText, int FirstLine, int? FiscalYear, long? UnitYen = null, IReadOnlyList<string>? Columns = null);

/// <summary>A quantity with its role and label.</summary>
/// <param name="SegmentKey">Initiative the quantity was found in.</param>
/// <param name="Ordinal">1-based position among the initiative's quantities.</param>
/// <param name="Mention">What was read.</param>
/// <param name="Role">One of <see cref="MeasureRoles"/>.</param>
/// <param name="Label">What is measured, when the text says.</param>
/// <param name="Note">For a threshold or benchmark, the words that qualify it (安全とされる, 地財計画).</param>
/// <param name="ParentIndex">Index, in the same result list, of the amount a component, threshold or benchmark refers to.</param>
/// <param name="SourceLine">Physical line of the quantity.</param>
internal sealed record ExtractedMeasure(
    string SegmentKey, int Ordinal, QuantityMention Mention, string Role, string? Label, string? Note, int? ParentIndex, int SourceLine);

/// <summary>A milestone found in a segment.</summary>
internal sealed record ExtractedMilestone(string SegmentKey, int Ordinal, MilestoneMention Mention, int SourceLine);

/// <summary>Quantities and milestones of a document, in reading order.</summary>
internal sealed record ExtractedQuantities(IReadOnlyList<ExtractedMeasure> Measures, IReadOnlyList<ExtractedMilestone> Milestones);


/// <summary>
/// Reads every segment of a document, assigns each quantity a role and a label, and collects
/// milestones. Roles: a quantity after うち is a component of the amount it follows (on the same
/// line in parentheses, or the amount on the line above); lines after a うち line that state
/// further amounts continue the breakdown while the parts still fit in the whole; 累計 marks a
/// cumulative figure, 総額/合計 a total; a figure followed by 増/減/↑/↓ or after 前年度比 is a change;
/// an amount in parentheses alone on the line after an amount is the prior year's; inside the
/// parenthesis after a value, a quantity with a bound (18%未満) is a threshold and one of the same
/// kind without a bound is a benchmark.
/// </summary>
internal static class QuantityExtractor
{
    public static ExtractedQuantities Extract(IEnumerable<QuantitySegment> segments, long? statedUnitYen = null)
    {
        var reader = new SegmentReader(statedUnitYen);
        foreach (var segment in segments)
        {
            reader.Read(segment);
        }

        return new ExtractedQuantities(reader.Measures, reader.Milestones);
    }
}
