using BudgetWarehouse.Models;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>Builds fact_measure and fact_milestone rows from a document's initiative rows.</summary>
internal static class QuantityRowBuilder
{
    /// <summary>Adds the rows; an amount kept unparsed (<see cref="FactMeasureRow.ParseError"/>) adds a warning with its line.</summary>
    public static void AddTo(DocumentRows rows, ParsedDocument doc)
    {
        var byId = rows.Initiatives.ToDictionary(i => i.InitiativeId, StringComparer.Ordinal);
        // An initiative row's id is Ids.Initiative(document, Seq): its node is the one with the same Seq.
        var nodes = doc.Initiatives.ToDictionary(i => i.Seq);
        var extracted = QuantityExtractor.Extract(Segments(rows.Initiatives, nodes));

        var measureIds = new List<string>(extracted.Measures.Count);
        foreach (var m in extracted.Measures)
        {
            measureIds.Add(Ids.Measure(m.SegmentKey, m.Ordinal));
        }

        var unreadable = new List<Diagnostic>();
        for (var k = 0; k < extracted.Measures.Count; k++)
        {
            var m = extracted.Measures[k];
            var initiative = byId[m.SegmentKey];
            rows.Measures.Add(new FactMeasureRow
            {
                MeasureId = measureIds[k],
                InitiativeId = initiative.InitiativeId,
                DocumentId = initiative.DocumentId,
                FiscalYear = initiative.FiscalYear,
                PolicyId = initiative.PolicyId,
                DepartmentId = initiative.DepartmentId,
                Label = m.Label,
                Value = m.Mention.Value,
                Unit = m.Mention.Kind switch
                {
                    QuantityKind.Money => MeasureUnits.Yen,
                    QuantityKind.Percent => MeasureUnits.Percent,
                    _ => MeasureUnits.Count,
                },
                Counter = m.Mention.Counter,
                AmountYen = m.Mention.AmountYen,
                Role = m.Role,
                ParentMeasureId = m.ParentIndex is { } p ? measureIds[p] : null,
                Bound = m.Mention.Bound,
                Note = m.Note,
                IsApproximate = m.Mention.IsApproximate,
                RawText = m.Mention.RawText,
                SourceLine = m.SourceLine,
                ParseError = m.Mention.ParseError,
            });
            if (m.Mention.ParseError is { } error)
            {
                unreadable.Add(new Diagnostic(Severity.Warning, rows.Document.FileName, m.SourceLine, $"{m.Mention.RawText}: {error}"));
            }
        }

        if (unreadable.Count > 0)
        {
            rows.Warnings = [.. rows.Warnings, .. unreadable];
        }

        foreach (var ms in extracted.Milestones)
        {
            var initiative = byId[ms.SegmentKey];
            var date = ms.Mention.Date;
            rows.Milestones.Add(new FactMilestoneRow
            {
                MilestoneId = Ids.Milestone(ms.SegmentKey, ms.Ordinal),
                InitiativeId = initiative.InitiativeId,
                DocumentId = initiative.DocumentId,
                FiscalYear = initiative.FiscalYear,
                PolicyId = initiative.PolicyId,
                DepartmentId = initiative.DepartmentId,
                Event = ms.Mention.Event,
                StartDate = date.Start,
                EndDate = date.End,
                Precision = date.Precision,
                IsPlanned = ms.Mention.IsPlanned,
                TargetFiscalYear = date.FiscalYear,
                RawText = ms.Mention.RawText,
                SourceLine = ms.SourceLine,
            });
        }
    }

    // Items and their details in reading order; a description paragraph follows its item's text.
    private static IEnumerable<QuantitySegment> Segments(IEnumerable<FactInitiativeRow> initiatives, Dictionary<int, InitiativeNode> nodes)
    {
        foreach (var i in initiatives)
        {
            var group = i.ParentInitiativeId ?? i.InitiativeId;
            var node = nodes.GetValueOrDefault(i.Seq);
            yield return new QuantitySegment(i.InitiativeId, group, i.RawText, i.SourceLineStart, i.FiscalYear, node?.UnitYen, node?.Columns);
            if (!string.IsNullOrWhiteSpace(i.Description))
            {
                var line = node?.DescriptionSpan is { } span
                    ? span.StartLine
                    : i.SourceLineEnd;
                yield return new QuantitySegment(i.InitiativeId, group, i.Description, line, i.FiscalYear);
            }
        }
    }
}
