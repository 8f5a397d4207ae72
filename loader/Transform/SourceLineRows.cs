using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>
/// fact_source_line rows and dim_document.coverage. A parser that accounts for every line (budget priorities)
/// gives the roles; for the others the roles come from the spans of what they parsed: a policy heading, an
/// initiative's lines, a description paragraph; a line outside all of them is unrecognised.
/// Nothing is stored twice: a line that is the whole raw text of its initiative has no text of its own, and a line of
/// an initiative in that initiative's policy no policy_id; v_source_line reads every line with both.
/// </summary>
internal static class SourceLineRows
{
    public static double? AddTo(DocumentRows rows, ParsedDocument doc, IReadOnlyList<TextLine>? lines, Func<string, string> policyId, Func<int, string> initiativeId)
    {
        var entries = doc.SourceLines.Count > 0 ? doc.SourceLines : lines is null ? [] : FromSpans(doc, lines);
        if (entries.Count == 0)
        {
            return null;
        }

        var understood = 0;
        var documentId = rows.Document.DocumentId;
        var fiscalYear = rows.Document.FiscalYear;
        var initiatives = new Dictionary<int, InitiativeNode>(doc.Initiatives.Count);
        foreach (var i in doc.Initiatives)
        {
            initiatives.TryAdd(i.Seq, i);
        }

        rows.SourceLines.Capacity = entries.Count;
        foreach (var e in entries)
        {
            understood += e.Role == SourceLineRoles.Unrecognised ? 0 : 1;
            InitiativeNode? owner = null;
            if (e.InitiativeSeq is { } seq)
            {
                initiatives.TryGetValue(seq, out owner);
            }

            rows.SourceLines.Add(new FactSourceLineRow
            {
                DocumentId = documentId,
                FiscalYear = fiscalYear,
                SourcePage = e.Page,
                SourceLine = e.Line,
                Text = owner is not null && IsWholeRawText(owner, e) ? null : e.Text,
                Role = e.Role,
                PolicyId = e.PolicyCode is null || (owner is not null && owner.PolicyCode == e.PolicyCode) ? null : policyId(e.PolicyCode),
                InitiativeId = e.InitiativeSeq is null ? null : initiativeId(e.InitiativeSeq.Value),
            });
        }

        return Math.Round((double)understood / entries.Count, 4);
    }

    // The line is all of its initiative's raw text: stored there once (v_source_line joins it back).
    private static bool IsWholeRawText(InitiativeNode owner, SourceLineEntry e) =>
        owner.Span.StartLine == e.Line && owner.Span.EndLine == e.Line && string.Equals(owner.RawText, e.Text, StringComparison.Ordinal);

    private static List<SourceLineEntry> FromSpans(ParsedDocument doc, IReadOnlyList<TextLine> lines)
    {
        var max = lines.Count == 0 ? 0 : lines[^1].Number;
        var marks = new (string Role, string? Policy, int? Seq)[max + 1];
        foreach (var p in doc.Policies)
        {
            Mark(marks, p.Span, SourceLineRoles.Heading, p.Code, null);
        }

        foreach (var i in doc.Initiatives)
        {
            Mark(marks, i.Span, i.Kind == InitiativeKinds.Detail ? SourceLineRoles.Detail : SourceLineRoles.Item, i.PolicyCode, i.Seq);
            if (i.DescriptionSpan is { } d)
            {
                Mark(marks, d, SourceLineRoles.Prose, i.PolicyCode, i.Seq);
            }
        }

        foreach (var a in doc.Achievements)
        {
            Mark(marks, a.Span, SourceLineRoles.TableRow, a.PolicyCode, null);
        }

        var result = new List<SourceLineEntry>(lines.Count);
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue;
            }

            var (role, policy, seq) = marks[line.Number];
            role ??= line.IsChrome ? SourceLineRoles.Chrome : SourceLineRoles.Unrecognised;
            result.Add(new SourceLineEntry(line.Number, line.Page, line.Raw.Trim(), role, policy, seq));
        }

        return result;
    }

    private static void Mark((string Role, string? Policy, int? Seq)[] marks, SourceSpan span, string role, string? policy, int? seq)
    {
        for (var n = Math.Max(span.StartLine, 0); n <= span.EndLine && n < marks.Length; n++)
        {
            marks[n] = (role, policy, seq);
        }
    }
}
