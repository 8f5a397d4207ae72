using System.Globalization;
using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

internal sealed partial class PlanProgressParser
{
    /// <summary>The end of the pass: achievement sections read into rows, years resolved, the tree returned.</summary>
    private sealed partial class Builder
    {
        public ParsedDocument Finish()
        {
            CloseItem();
            var achievements = new List<PlanAchievementEntry>();
            if (_looseLines.Count > 0)
            {
                // A report without section headings still states its counts: read what the preamble holds.
                achievements.AddRange(ReadSection(null, _looseLines));
                foreach (var line in _looseLines.Where(l => !_status.Consumed.Contains(l.Number) && !_understood.Contains(l.Number)))
                {
                    _warnings.Add(new Diagnostic(Severity.Warning, file, line.Number, "text before the first section was not loaded"));
                }
            }

            foreach (var (section, headingLine, lines) in _achievementSections)
            {
                var rows = SplitAtHeadings(section, headingLine, lines).SelectMany(p => ReadSection(p.Section, p.Lines)).ToList();
                if (rows.Count == 0 && !section.IsPlain)
                {
                    _warnings.Add(new Diagnostic(Severity.Warning, file, headingLine, $"section '{section.Title}' has no status counts or achievement table this loader can read"));
                }

                achievements.AddRange(rows);
            }

            PlaceDocumentTransitions(achievements);

            _warnings.AddRange(_status.Warnings);
            if (_policies.Count == 0 && _initiatives.Count == 0 && achievements.Count == 0)
            {
                throw new DocumentException(file, 0, "no recognisable plan-progress structure (no status counts, achievement table, policy headings or initiatives)");
            }

            if (_period is { Stated: { } stated } p && stated != p.End - p.Start + 1)
            {
                _warnings.Add(new Diagnostic(Severity.Warning, file, p.Line, $"plan period '{p.Evidence}' spans {p.End - p.Start + 1} years but the text says {stated}"));
            }

            var (fiscalYear, evidence) = LatestYear(achievements);
            if (fiscalYear is null && _title is not null && SectionHeading.YearOf(_title.Replace(" ", "", StringComparison.Ordinal)) is { } titleYear)
            {
                (fiscalYear, evidence) = (titleYear, $"'{_title}' (the title) names the year reported on");
            }

            return new ParsedDocument
            {
                Family = DocumentFamilies.PlanProgress,
                Title = _title,
                InferredFiscalYear = fiscalYear,
                FiscalYearEvidence = evidence,
                Policies = _policies,
                Initiatives = _initiatives,
                Warnings = _warnings,
                PlanName = _planName,
                PlanStartFiscalYear = _period?.Start,
                PlanEndFiscalYear = _extendedTo ?? _period?.End,
                PlanPrinciple = _principle.Length == 0 ? null : _principle.ToString(),
                Achievements = achievements,
                SourceLines = SourceLines(achievements),
            };
        }

        /// <summary>
        /// One section's rows: status counts wherever printed (prose, lists, status tables), then the policy table
        /// from the lines those did not use, and the headline sentence checked against its total.
        /// </summary>
        private List<PlanAchievementEntry> ReadSection(Section? section, List<TextLine> lines)
        {
            var asOf = lines.Select(l => AsOfDate.Find(l.Text)).FirstOrDefault(d => d is not null) ?? _asOf;
            var year = section?.FiscalYear ?? CaptionYear(lines) ?? (asOf is { } d ? AsOfDate.FiscalYearOf(d) : (int?)null) ?? ResultsYear() ?? TitleYear();
            var counts = _status.Read(lines, asOf);
            var rest = lines.Where(l => !_status.Consumed.Contains(l.Number)).ToList();
            var policies = _policyList.ToDictionary(kv => kv.Key, kv => kv.Value.Title);
            var (rows, warnings) = section is null ? ([], []) : AchievementTable.Parse(rest, file, policies, words);
            _warnings.AddRange(warnings);
            var summary = lines.Select(l => AchievementSummary.TryParse(l.Text, l.Number)).FirstOrDefault(s => s is not null);
            if (summary is not null)
            {
                rows = CheckSummary(summary, rows);
            }

            rows = [.. rows.Select(r => r with { AsOfDate = asOf }).Concat(counts).OrderBy(r => r.Span.StartLine)];
            rows = PlaceTransitions(rows, [.. _status.Unplaced.Select(t => t with { FromMeaning = LegendWord(t.From), ToMeaning = LegendWord(t.To) })]);
            SectionRoles(lines, rows, section?.IsPlain == true);
            return [.. rows.Select(row => row with
            {
                PolicyCode = row.PolicyCode is null ? null : Level1For(year, int.Parse(row.PolicyCode, CultureInfo.InvariantCulture), row),
                FiscalYear = year,
            })];
        }

        private int? TitleYear() => _title is null ? null : SectionHeading.YearOf(_title.Replace(" ", "", StringComparison.Ordinal));

        /// <summary>
        /// The headline sentence must agree with the table's total row; without a table it stands in for the
        /// total row.
        /// </summary>
        private List<PlanAchievementEntry> CheckSummary(AchievementSummaryLine summary, List<PlanAchievementEntry> rows)
        {
            if (rows.FirstOrDefault(r => r.RowKind == AchievementRowKinds.Total) is { } total)
            {
                if (total.ItemsPlanned != summary.Planned || total.ItemsAchieved != summary.Achieved
                    || (summary.Rate is not null && total.StatedRate is not null && summary.Rate != total.StatedRate))
                {
                    _warnings.Add(new Diagnostic(Severity.Warning, file, summary.Line,
                        $"the headline says {summary.Achieved} of {summary.Planned} achieved{(summary.RateText is null ? "" : $" ({summary.RateText})")} but the total row (line {total.Span.StartLine}) says {total.ItemsAchieved} of {total.ItemsPlanned}{(total.StatedRateText is null ? "" : $" ({total.StatedRateText})")}"));
                }

                return rows;
            }

            if (rows.Count > 0)
            {
                return rows;
            }

            return
            [
                new PlanAchievementEntry
                {
                    RowKind = AchievementRowKinds.Total,
                    Label = summary.Text,
                    ItemsPlanned = summary.Planned,
                    ItemsAchieved = summary.Achieved,
                    StatedRate = summary.Rate,
                    StatedRateText = summary.RateText,
                    StatedRateDecimals = summary.Decimals,
                    RawText = summary.Text,
                    Span = SourceSpan.Line(summary.Line),
                },
            ];
        }

        /// <summary>The level-1 node for an achievement row: the year's heading if the report has one, else one made from the 基本方針 list (or the row label).</summary>
        private string Level1For(int? year, int number, PlanAchievementEntry row)
        {
            var n = number.ToString(CultureInfo.InvariantCulture);
            if (_byCode.ContainsKey(Prefix(year) + n))
            {
                return Prefix(year) + n;
            }

            var (title, marker, line) = _policyList.TryGetValue(number, out var listed)
                ? listed
                : (PolicyLabelTitle().Replace(row.Label, "").Trim(), n, row.Span.StartLine);
            return EnsureNode(year, 1, n, new PolicyHeadingLine(1, number, marker, title.Length == 0 ? row.Label : title), new TextLine(line, title, title), null);
        }

        /// <summary>A year in the caption above the table ("令和5年度末時点の達成状況"); footnotes and rows do not count.</summary>
        private int? CaptionYear(List<TextLine> lines) => lines
            .TakeWhile(l => !AchievementTable.StartsHeader(l, words))
            .Where(l => !l.IsBlank && !Footnote.IsFootnote(l.Text.Trim()))
            .Select(l => SectionHeading.YearOf(l.Text.Replace(" ", "", StringComparison.Ordinal)))
            .FirstOrDefault(y => y is not null);

        private int? ResultsYear() =>
            _initiativeSections.Where(s => s.Section.IsResults && s.Section.FiscalYear is not null).Select(s => s.Section.FiscalYear).Max()
            ?? _initiativeSections.Select(s => s.Section.FiscalYear).Min();

        private (int? Year, string? Evidence) LatestYear(List<PlanAchievementEntry> achievements)
        {
            (int Year, string Evidence)? best = null;
            foreach (var (section, line) in _initiativeSections)
            {
                if (section.FiscalYear is { } y && (best is null || y > best.Value.Year))
                {
                    best = (y, $"'{section.Title}' (line {line}): the latest year the report covers");
                }
            }

            foreach (var a in achievements)
            {
                if (a.FiscalYear is { } y && (best is null || y > best.Value.Year))
                {
                    best = (y, $"achievement table (line {a.Span.StartLine}) reports on {y}: the latest year the report covers");
                }
            }

            return (best?.Year, best?.Evidence);
        }
    }
}
