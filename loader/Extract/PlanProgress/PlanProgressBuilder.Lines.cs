using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

internal sealed partial class PlanProgressParser
{
    /// <summary>
    /// Accounts for every line, as the budget family does: each non-blank line gets the role of what read it
    /// (fact_source_line, dim_document.coverage). A line is unrecognised only when no rule read it.
    /// </summary>
    private sealed partial class Builder
    {
        private const int MaxCellLength = 40;
        private readonly Dictionary<int, string> _roles = [];
        private readonly List<TextLine> _lines = [];

        private void Role(TextLine line, string role) => _roles[line.Number] = role;

        /// <summary>Roles of the lines of an achievement section once its statements and table are read.</summary>
        /// <remarks>Under a plain numbered heading (a narrative part: "第3 今後の進め方") a sentence is read as prose.</remarks>
        private void SectionRoles(List<TextLine> lines, List<PlanAchievementEntry> rows, bool narrative)
        {
            var tableEnd = rows.Where(r => r.RowKind != AchievementRowKinds.Status).Select(r => r.Span.EndLine).DefaultIfEmpty(0).Max();
            var tableStart = lines.FirstOrDefault(l => l.Number <= tableEnd && !_status.Consumed.Contains(l.Number)
                && (AchievementTable.StartsHeader(l, words) || AchievementColumns.IsHeader(l.Text.Trim(), words))).Number;
            foreach (var line in lines.Where(l => !l.IsBlank && !_roles.ContainsKey(l.Number)))
            {
                var text = line.Text.Trim();
                if (_status.Consumed.Contains(line.Number))
                {
                    Role(line, SiteChrome.IsChrome(text) ? SourceLineRoles.Chrome : IsSentence(text) ? SourceLineRoles.Prose : SourceLineRoles.TableRow);
                }
                else if (tableStart > 0 && line.Number >= tableStart && line.Number <= tableEnd)
                {
                    Role(line, Footnote.IsFootnote(text) ? SourceLineRoles.Prose : SourceLineRoles.TableRow);
                }
                else if (IsHeaderRow(text))
                {
                    Role(line, SourceLineRoles.TableRow); // a header above counts read as a run (区分 件数 構成比 増減)
                }
                else if (Footnote.IsFootnote(text) || AchievementSummary.TryParse(text, line.Number) is not null || AsOfDate.Find(text) is not null)
                {
                    Role(line, SourceLineRoles.Prose);
                }
                else if (line.Number < tableStart && SectionHeading.YearOf(text.Replace(" ", "", StringComparison.Ordinal)) is not null)
                {
                    Role(line, SourceLineRoles.Heading); // the table's caption (令和5年度末時点の達成状況)
                }
                else if (narrative && text.EndsWith('。'))
                {
                    Role(line, SourceLineRoles.Prose);
                }
            }
        }

        private bool IsHeaderRow(string text)
        {
            var cells = text.Split([' ', '\t', '|', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
            return cells.Length >= 2 && cells.All(c => AchievementColumns.IsHeader(c, words) || AchievementColumns.IsFormula(c));
        }

        private static bool IsSentence(string text) => text.Contains('。', StringComparison.Ordinal) || text.Length > MaxCellLength;

        /// <summary>Every non-blank line with its role and the node it belongs to.</summary>
        private List<SourceLineEntry> SourceLines(IReadOnlyList<PlanAchievementEntry> achievements)
        {
            var marks = new Dictionary<int, (string Role, string? Policy, int? Seq)>();
            void Mark(SourceSpan span, string role, string? policy, int? seq)
            {
                for (var n = span.StartLine; n <= span.EndLine; n++)
                {
                    marks[n] = (role, policy, seq);
                }
            }

            foreach (var p in _policies.Where(p => p.Span.StartLine > 0))
            {
                Mark(p.Span, SourceLineRoles.Heading, p.Code, null);
            }

            foreach (var a in achievements)
            {
                Mark(a.Span, SourceLineRoles.TableRow, a.PolicyCode, null);
            }

            foreach (var i in _initiatives)
            {
                Mark(i.Span, SourceLineRoles.Item, i.PolicyCode, i.Seq);
                if (i.DescriptionSpan is { } d)
                {
                    Mark(d, SourceLineRoles.Prose, i.PolicyCode, i.Seq);
                }
            }

            var result = new List<SourceLineEntry>(_lines.Count);
            foreach (var line in _lines)
            {
                var text = line.Text.Trim();
                marks.TryGetValue(line.Number, out var mark);
                var role = _roles.GetValueOrDefault(line.Number) ?? mark.Role
                    ?? (line.IsChrome || SiteChrome.IsChrome(text) || PageFurniture.IsPageNumber(text) ? SourceLineRoles.Chrome : SourceLineRoles.Unrecognised);
                result.Add(new SourceLineEntry(line.Number, line.Page, line.Raw.Trim(), role, mark.Policy, mark.Seq));
            }

            return result;
        }
    }
}
