using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

internal sealed partial class PlanProgressParser
{
    /// <summary>
    /// Numbered headings that state nothing ("3 方針別の評価", "(2) 方針別の状況", "第3 今後の進め方", "III 今後の取組"):
    /// each ends the section part before it and opens a part of its own, read as an achievement section is, so that
    /// a status run or table never runs across a heading and the heading is never a row or a count.
    /// </summary>
    private sealed partial class Builder
    {
        // Transitions of policy-table sections whose table has no total row: they go with the document-level row.
        private readonly List<StatusTransition> _documentTransitions = [];

        /// <summary>Opens a plain section at a numbered heading met outside an achievement section; false when the line is not one.</summary>
        private bool OpenPlainSection(TextLine line, string text)
        {
            if (NumberedHeading.TryRead(text, words) is not { } heading)
            {
                return false;
            }

            Role(line, SourceLineRoles.Heading);
            OpenSection(PlainSection(heading, null), line, text);
            return true;
        }

        /// <summary>An entry of the 基本方針 list: a level-1 policy ("1 title", "- ・2 title", "方針3 title"); (1), ① or 第1 end the list.</summary>
        private static bool IsPolicyEntry(string text) => PolicyHeading.TryParse(ListBullet().Replace(text, "")) is { Level: 1 };

        /// <summary>The scheme of a section heading's numbering (arabic, paren, roman …), or null when it has none.</summary>
        private static string? SchemeOf(string text) =>
            BudgetLineClassifier.Classify(text) is { Kind: LineKind.Heading } heading ? heading.Scheme : null;

        /// <summary>
        /// A plain section's year is the one its title names; a sub-heading (another numbering scheme than its section's:
        /// "(2)" under "2 達成状況") reports on its section's year too, a sibling ("3 …" after "2 …") does not.
        /// </summary>
        private static Section PlainSection(BudgetLine heading, Section? parent)
        {
            var year = SectionHeading.YearOf(heading.Body.Replace(" ", "", StringComparison.Ordinal))
                ?? (parent is { } p && p.Scheme != heading.Scheme ? p.FiscalYear : null);
            return new Section(SectionKind.Achievement, heading.Body, year, true) { Scheme = heading.Scheme, IsPlain = true };
        }

        /// <summary>
        /// The parts of an achievement section, split at its numbered headings. A numbered line whose next non-blank line
        /// is a bare value (24, 75.0%) labels a row of a table printed one cell per line, and a numbered line under a
        /// "No 意見の概要 市の対応" header is a record: both stay where they are.
        /// </summary>
        private List<(Section Section, int Line, List<TextLine> Lines)> SplitAtHeadings(Section section, int headingLine, List<TextLine> lines)
        {
            var parts = new List<(Section Section, int Line, List<TextLine> Lines)> { (section, headingLine, []) };
            var records = KeyValueTable.Lines(lines); // rows of a numbered text table (No 意見の概要 市の対応)
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (!line.IsBlank && !records.Contains(line.Number) && NumberedHeading.TryRead(line.Text, words) is { } heading && !LabelsValues(lines, i))
                {
                    Role(line, SourceLineRoles.Heading);
                    parts.Add((PlainSection(heading, section), line.Number, []));
                    continue;
                }

                parts[^1].Lines.Add(line);
            }

            return parts;
        }

        private static bool LabelsValues(List<TextLine> lines, int index)
        {
            var next = lines.FindIndex(index + 1, l => !l.IsBlank);
            return next >= 0 && NumberedHeading.IsValueCell(lines[next].Text);
        }

        /// <summary>
        /// Transitions printed in a section whose only status structure is a policy table (no counts of their own to go
        /// with) belong with the table's total row (合計 / 計); a table without one leaves them to the document-level row.
        /// </summary>
        private List<PlanAchievementEntry> PlaceTransitions(List<PlanAchievementEntry> rows, List<StatusTransition> transitions)
        {
            if (transitions.Count == 0)
            {
                return rows;
            }

            var tableRows = rows.Where(r => r.RowKind is AchievementRowKinds.Policy or AchievementRowKinds.Total or AchievementRowKinds.Subtotal).ToList();
            if (tableRows.Count == 0)
            {
                UnplacedTransitions(transitions);
                return rows;
            }

            if (tableRows.FirstOrDefault(r => r.RowKind == AchievementRowKinds.Total) is not { } total)
            {
                _documentTransitions.AddRange(transitions);
                return rows;
            }

            return [.. rows.Select(r => ReferenceEquals(r, total) ? WithTransitions(r, transitions) : r)];
        }

        /// <summary>
        /// Transitions left to the document-level row: the report's total row (a table's 合計 / 計, or the headline that
        /// stands in for it), else the report's own status counts (a status row of no policy).
        /// </summary>
        private void PlaceDocumentTransitions(List<PlanAchievementEntry> achievements)
        {
            if (_documentTransitions.Count == 0)
            {
                return;
            }

            var index = achievements.FindIndex(r => r.RowKind == AchievementRowKinds.Total);
            index = index >= 0 ? index : achievements.FindIndex(r => r.RowKind == AchievementRowKinds.Status && r.PolicyCode is null);
            if (index < 0)
            {
                UnplacedTransitions(_documentTransitions);
                return;
            }

            achievements[index] = WithTransitions(achievements[index], _documentTransitions);
        }

        private void UnplacedTransitions(List<StatusTransition> transitions) =>
            _warnings.AddRange(transitions.Select(t => new Diagnostic(Severity.Warning, file, t.Line, $"transition '{t.RawText}' is printed with no status counts; not loaded")));

        private static PlanAchievementEntry WithTransitions(PlanAchievementEntry row, List<StatusTransition> transitions) => row with
        {
            Transitions = [.. row.Transitions, .. transitions.Select(t => t with { FromMeaning = t.FromMeaning ?? MeaningIn(row, t.From), ToMeaning = t.ToMeaning ?? MeaningIn(row, t.To) })],
        };

        /// <summary>The word the section's printed legend gives a grade letter, or null.</summary>
        private string? LegendWord(string status) =>
            status.Length == 1 && _status.Legend.TryGetValue(status[0], out var word) ? word : null;

        /// <summary>The word a grade letter stands for in the row: its column's legend word, else the counted status the letter starts.</summary>
        private static string? MeaningIn(PlanAchievementEntry row, string status) =>
            status.Length == 1 && status[0] is >= 'A' and <= 'Z'
                ? row.Statuses.FirstOrDefault(s => s.StatusRaw == status)?.Meaning
                    ?? row.Statuses.Select(s => s.StatusRaw).FirstOrDefault(w => w.Length > 1 && w[0] == status[0] && w[1] is not (>= 'A' and <= 'Z'))
                : null;
    }
}
