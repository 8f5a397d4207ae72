using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.BudgetPriorities;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>The single pass over a plan-progress report's lines that builds its tree.</summary>
internal sealed partial class PlanProgressParser
{
    // Column captions printed above the policy headings of an initiatives section ("方針", "取組事項").
    [GeneratedRegex(@"^(?:基本方針|方針|取組事項|取組内容|主な取組|内容|項目|概要)$")]
    private static partial Regex ColumnCaption();

    private enum Part
    {
        Preamble,
        Overview,
        Achievement,
        Initiatives,
    }

    private sealed class OpenItem(int seq, InitiativeTitleLine title, TextLine line, string? policy, int? year)
    {
        public int Seq { get; } = seq;
        public string Title { get; set; } = title.Title;
        public string RawTitle { get; set; } = line.Raw.Trim();
        public string? PlanRef { get; set; } = title.PlanRef;
        public bool IsNumericTarget { get; set; } = title.IsNumericTarget;
        public SourceSpan Span { get; set; } = SourceSpan.Line(line.Number);
        public string? Policy { get; } = policy;
        public int? Year { get; } = year;
        public StringBuilder Description { get; } = new();
        public SourceSpan? DescriptionSpan { get; set; }
        public bool InTitle { get; set; } = true;
    }

    /// <summary>Walks the lines once, keeping the current part, reporting year and policy nodes.</summary>
    private sealed partial class Builder(string file, StatusWords words)
    {
        private readonly List<PolicyNode> _policies = [];
        private readonly Dictionary<string, PolicyNode> _byCode = new(StringComparer.Ordinal);
        private readonly List<InitiativeNode> _initiatives = [];
        private readonly List<Diagnostic> _warnings = [];
        private readonly SortedDictionary<int, (string Title, string Marker, int Line)> _policyList = [];
        private readonly List<(Section Section, int Line, List<TextLine> Lines)> _achievementSections = [];
        private readonly List<(Section Section, int Line)> _initiativeSections = [];
        private readonly StringBuilder _principle = new();
        private readonly StatusGroups _status = new(words, file);
        private readonly List<TextLine> _looseLines = [];
        private readonly HashSet<int> _understood = [];
        private DateOnly? _asOf;
        private Part _part = Part.Preamble;
        private OverviewBlock? _block;
        private string? _title;
        private string? _planName;
        private (int Start, int End, int? Stated, string Evidence, int Line)? _period;
        private int? _extendedTo;
        private bool _records;
        private Section? _section;
        private string? _level1;
        private string? _level2;
        private OpenItem? _item;
        private int _seq;
        private bool _afterBlank;

        public void Accept(TextLine line)
        {
            if (line.IsBlank)
            {
                _afterBlank = true;
                if (_part == Part.Achievement)
                {
                    _achievementSections[^1].Lines.Add(line);
                }

                return;
            }

            _lines.Add(line);
            var text = line.Text.Trim();
            _extendedTo = PlanPeriod.Extension(text) ?? _extendedTo;
            if (_part == Part.Preamble && _title is null && PlanTitle.IsReportTitle(text))
            {
                // The report's own title names its subject (…の進捗状況) and would otherwise read as a section.
                AcceptPreamble(line, text);
            }
            else if (SectionHeading.TryParse(text) is { } section)
            {
                Role(line, SourceLineRoles.Heading);
                OpenSection(section, line, text);
            }
            else
            {
                switch (_part)
                {
                    case Part.Preamble:
                        AcceptPreamble(line, text);
                        break;
                    case Part.Overview:
                        AcceptOverview(line, text);
                        break;
                    case Part.Achievement:
                        _achievementSections[^1].Lines.Add(line);
                        break;
                    default:
                        AcceptInitiatives(line, text);
                        break;
                }
            }

            _afterBlank = false;
        }

        private void OpenSection(Section section, TextLine line, string text)
        {
            CloseItem();
            section = section with { Scheme = section.Scheme ?? SchemeOf(text) };
            _section = section;
            _block = null;
            _level1 = null;
            _level2 = null;
            switch (section.Kind)
            {
                case SectionKind.Overview:
                    _part = Part.Overview;
                    _planName ??= PlanTitle.PlanNameFromOverview(text);
                    break;
                case SectionKind.Achievement:
                    _part = Part.Achievement;
                    _achievementSections.Add((section, line.Number, []));
                    break;
                default:
                    _part = Part.Initiatives;
                    _initiativeSections.Add((section, line.Number));
                    break;
            }
        }

        /// <summary>A table header printed without a section heading of its own opens an achievement section.</summary>
        private bool OpenImplicitTable(TextLine line)
        {
            if (!AchievementTable.StartsHeader(line, words))
            {
                return false;
            }

            _part = Part.Achievement;
            _block = null;
            _achievementSections.Add((new Section(SectionKind.Achievement, line.Text.Trim(), null, true), line.Number, [line]));
            return true;
        }

        private void AcceptPreamble(TextLine line, string text)
        {
            if (_title is not null && OpenImplicitTable(line))
            {
                return;
            }

            if (_title is null)
            {
                Role(line, SourceLineRoles.Heading);
                _title = text;
                _planName = PlanTitle.PlanName(text);
                return;
            }

            if (OverviewLabel.TryParse(text) is not null)
            {
                _part = Part.Overview;
                AcceptOverview(line, text);
                return;
            }

            if (OpenPlainSection(line, text))
            {
                return;
            }

            _status.AddContext(line);
            if (AsOfDate.Find(text) is { } asOf)
            {
                _asOf ??= asOf;
                _understood.Add(line.Number);
                Role(line, SourceLineRoles.Prose);
            }

            if (_period is null && !PlanPeriod.IsPhase(text) && PlanPeriod.Find(text) is { } period)
            {
                _period = (period.Start, period.End, period.StatedYears, period.Evidence, line.Number);
                _understood.Add(line.Number);
                Role(line, SourceLineRoles.Prose);
            }

            if (PlanPeriod.IsPhase(text) || PlanPeriod.Extension(text) is not null)
            {
                _understood.Add(line.Number);
                Role(line, SourceLineRoles.Prose);
            }

            _looseLines.Add(line);
        }

        private void AcceptOverview(TextLine line, string text)
        {
            _status.AddContext(line);
            _asOf ??= AsOfDate.Find(text);
            if (OpenImplicitTable(line))
            {
                return;
            }

            if (OverviewLabel.TryParse(text) is { } label)
            {
                Role(line, SourceLineRoles.Heading);
                _block = label.Block;
                if (label.InlineValue is { } value)
                {
                    AcceptBlock(line, value);
                }

                return;
            }

            // A numbered heading ends the outline, unless it is an entry of the 基本方針 list being read (1 title, 方針1 title).
            if (!(_block == OverviewBlock.Policies && IsPolicyEntry(text)) && OpenPlainSection(line, text))
            {
                return;
            }

            AcceptBlock(line, text);
        }

        private void AcceptBlock(TextLine line, string text)
        {
            switch (_block)
            {
                case OverviewBlock.Principle:
                    AppendParagraph(_principle, text);
                    Role(line, SourceLineRoles.Prose);
                    return;
                case OverviewBlock.Period or null when PlanPeriod.IsPhase(text):
                    Role(line, SourceLineRoles.Prose); // a phase of the plan (前期(令和3~5年度)): not the period
                    return;
                case OverviewBlock.Period when _period is null && PlanPeriod.Find(text) is { } period:
                    _period = (period.Start, period.End, period.StatedYears, period.Evidence, line.Number);
                    Role(line, SourceLineRoles.Prose);
                    return;
                case OverviewBlock.Policies when PolicyHeading.TryParse(ListBullet().Replace(text, "")) is { } entry:
                    if (!_policyList.TryAdd(entry.Number, (entry.Title, entry.Marker, line.Number)))
                    {
                        _warnings.Add(new Diagnostic(Severity.Warning, file, line.Number, $"basic policy {entry.Number} listed twice; the first is kept"));
                    }

                    Role(line, SourceLineRoles.Heading);
                    return;
                case null when _period is null && PlanPeriod.Find(text) is { } period:
                    _period = (period.Start, period.End, period.StatedYears, period.Evidence, line.Number);
                    Role(line, SourceLineRoles.Prose);
                    return;
                default:
                    _warnings.Add(new Diagnostic(Severity.Warning, file, line.Number, "outline text not recognised (not a principle, period or basic policy); not loaded"));
                    return;
            }
        }

        private void AcceptInitiatives(TextLine line, string text)
        {
            // A numbered table of text columns: its row numbers are record numbers, not basic policies.
            _records = KeyValueTable.IsHeader(text) || (_records && KeyValueTable.IsRow(text));
            if (_records)
            {
                CloseItem();
                Role(line, SourceLineRoles.TableRow);
                return;
            }

            if (TextNormalizer.IsCircledNumber(text[0]) && _status.StatesCount(text))
            {
                // ②期限内に完了できなかった取組(6 項目): a category with its count, not a sub-heading.
                CloseItem();
                _looseLines.Add(line);
                return;
            }

            var year = _section?.FiscalYear;
            if (InitiativeTitle.TryParse(text) is { } title)
            {
                CloseItem();
                _seq++;
                _item = new OpenItem(_seq, title, line, _level2 ?? _level1, year);
                return;
            }

            if (_item is not null && _item.InTitle && !_afterBlank && _item.PlanRef is null
                && (InitiativeTitle.FindPlanRef(text, out _) is not null || WrapRules.Continues(_item.Title, text)))
            {
                var rest = InitiativeTitle.Read(text);
                _item.Title = WrapRules.Join(_item.Title, rest.Title);
                _item.RawTitle += "\n" + line.Raw.Trim();
                _item.PlanRef = rest.PlanRef;
                _item.IsNumericTarget |= rest.IsNumericTarget;
                _item.Span = _item.Span.Union(SourceSpan.Line(line.Number));
                return;
            }

            if (PolicyHeading.TryParse(text) is { } heading && IsHeading(heading))
            {
                CloseItem();
                if (heading.Level == 1 || _level1 is null)
                {
                    _level1 = EnsureNode(year, 1, heading.Number.ToString(CultureInfo.InvariantCulture), heading, line, null);
                    _level2 = null;
                }
                else
                {
                    var path = _byCode[_level1].Code[(Prefix(year).Length)..] + "." + heading.Number.ToString(CultureInfo.InvariantCulture);
                    _level2 = EnsureNode(year, 2, path, heading, line, _level1);
                }

                return;
            }

            if (AcceptCaptionOrHeading(line, text))
            {
                return;
            }

            if (_item is not null)
            {
                _item.InTitle = false;
                AppendParagraph(_item.Description, text);

                var span = SourceSpan.Line(line.Number);
                _item.DescriptionSpan = _item.DescriptionSpan?.Union(span) ?? span;
                return;
            }

            _warnings.Add(new Diagnostic(Severity.Warning, file, line.Number, "text outside any initiative was not loaded"));
        }

        /// <summary>
        /// A column caption above the policy headings (方針), or a numbered heading that no policy heading reads
        /// (第3 今後の進め方, III 評価), which ends the initiatives.
        /// </summary>
        private bool AcceptCaptionOrHeading(TextLine line, string text)
        {
            if (_item is null && _level1 is null && ColumnCaption().IsMatch(text))
            {
                Role(line, SourceLineRoles.TableRow);
                return true;
            }

            return PolicyHeading.TryParse(text) is null && OpenPlainSection(line, text);
        }

        /// <summary>Wrapped lines of a paragraph are joined; a blank line starts a new paragraph (kept as a newline).</summary>
        private void AppendParagraph(StringBuilder paragraph, string text)
        {
            if (paragraph.Length == 0)
            {
                paragraph.Append(text);
            }
            else if (_afterBlank)
            {
                paragraph.Append('\n').Append(text);
            }
            else
            {
                var joined = WrapRules.Join(paragraph.ToString(), text);
                paragraph.Clear().Append(joined);
            }
        }

        private bool IsHeading(PolicyHeadingLine heading) =>
            heading.Level == 2 || _policyList.Count == 0 || _policyList.ContainsKey(heading.Number);
    }

    // The bullet of a list entry of the outline ("- ・ 1 title", "・1 title"), not part of the entry.
    [GeneratedRegex(@"^(?:-\s*)?[・•]\s*")]
    private static partial Regex ListBullet();

    [GeneratedRegex(@"^(?:(?:基本)?方針\s*)?\d{1,2}\s*[.、:]?\s*")]
    private static partial Regex PolicyLabelTitle();
}
