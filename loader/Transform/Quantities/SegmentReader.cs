using BudgetWarehouse.Loader.Extract;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>
/// Walks a document's segments in reading order, keeping what a figure may refer back to: the last
/// amount of the item (for うち lines), an open breakdown and the stated unit.
/// </summary>
internal sealed class SegmentReader(long? statedUnitYen)
{
    private readonly Dictionary<string, int> _measureOrdinals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _milestoneOrdinals = new(StringComparer.Ordinal);
    private string? _group;
    private long? _unit = statedUnitYen;
    private RoleContext _context = new();

    public List<ExtractedMeasure> Measures { get; } = [];

    public List<ExtractedMilestone> Milestones { get; } = [];

    public void Read(QuantitySegment segment)
    {
        if (segment.GroupKey != _group)
        {
            _group = segment.GroupKey;
            _context = new RoleContext();
        }

        var text = MappedText.Create(segment.RawText);
        var s = text.Text;
        var dates = DateScanner.Scan(text, segment.FiscalYear);
        // A stated unit such as (単位 千円) holds from where it is printed to the end of the document.
        _unit = StatedUnit.Detect(s) ?? _unit;
        var found = QuantityScanner.Scan(text, segment.UnitYen ?? _unit);
        var ordinal = _measureOrdinals.GetValueOrDefault(segment.Key);
        var row = new RowShape(s, Measures.Count, segment.Columns);
        foreach (var m in found)
        {
            if (Overlaps(m, dates))
            {
                continue;
            }

            if (row.Columns is { } columns && row.Seen < columns.Count && columns[row.Seen] == OverviewTable.RowNumberColumn)
            {
                row.Seen++; // the number of a numbered table's row
                continue;
            }

            var (role, parent, mention) = MeasureRoleRules.Decide(m, row, Measures, _context);
            var label = Label(mention, role, parent, row);
            _context.Track(mention, role, parent, Measures, Clauses.OuterOpenParenthesis(s, m.Start) >= 0);
            Measures.Add(new ExtractedMeasure(segment.Key, ++ordinal, mention, role, label.Label, label.Note, parent, LineOf(segment, text, m.Start)));
            if (m.Kind != QuantityKind.Count)
            {
                row.Seen++; // a table's figure columns hold amounts and rates; a count (2地区) is in a text cell
            }

        }

        if (ordinal > 0)
        {
            _measureOrdinals[segment.Key] = ordinal;
        }

        var milestoneOrdinal = _milestoneOrdinals.GetValueOrDefault(segment.Key);
        foreach (var ms in MilestoneDetector.Detect(text, dates))
        {
            Milestones.Add(new ExtractedMilestone(segment.Key, ++milestoneOrdinal, ms, LineOf(segment, text, ms.Start)));
        }

        if (milestoneOrdinal > 0)
        {
            _milestoneOrdinals[segment.Key] = milestoneOrdinal;
        }
    }

    private (string? Label, string? Note) Label(QuantityMention m, string role, int? parent, RowShape row)
    {
        var s = row.Text;
        var clause = row.Clause(m, Measures);
        if (role is MeasureRoles.Threshold or MeasureRoles.Benchmark or MeasureRoles.PriorYear or MeasureRoles.Change && parent is { } p)
        {
            return (Measures[p].Label, MeasureLabels.CleanNote(clause));
        }

        if (row.InTableCell(m))
        {
            return (row.FirstCell, null);
        }

        var outerOpen = Clauses.OuterOpenParenthesis(s, m.Start);
        var label = MeasureLabels.FollowingLabel(s, m.End) is { } following && MeasureLabels.EndsInVerbOrEmpty(clause)
            ? following
            : MeasureLabels.CleanLabel(clause) ?? (outerOpen >= 0 ? MeasureLabels.CleanLabel(Clauses.LastClause(s[..outerOpen])) : null);
        return (label, null);
    }

    private static bool Overlaps(QuantityMention m, List<DateMention> dates)
    {
        foreach (var d in dates)
        {
            if (m.NumberStart < d.End && d.Start < m.End)
            {
                return true;
            }
        }

        return false;
    }

    private static int LineOf(QuantitySegment segment, MappedText text, int index)
    {
        var rawIndex = text.RawIndex(index);
        var lines = 0;
        var raw = segment.RawText.AsSpan(0, Math.Min(rawIndex, segment.RawText.Length));
        foreach (var c in raw)
        {
            if (c == '\n')
            {
                lines++;
            }
        }

        return segment.FirstLine + lines;
    }
}
