using BudgetWarehouse.Loader.Extract.Text;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Parses the plan-progress family (行政経営プラン / 行政改革大綱 取組状況): the report title and plan name, the
/// plan's outline (基本理念, 推進期間, 基本方針), the achievement table, and the initiatives of each reporting
/// year under their basic policy and sub-heading.
/// </summary>
/// <remarks>
/// A report repeats the basic-policy headings in each reporting year's section. Each (year, heading) is its
/// own policy node, as a budget document of that year would have: codes are the dotted path prefixed with
/// the year ("2023/1", "2023/1.2"), so they are unique within the document and every node carries its year.
/// </remarks>
internal sealed partial class PlanProgressParser : IDocumentParser
{
    public string Family => DocumentFamilies.PlanProgress;

    public int Recognise(SourceText source)
    {
        var title = false;
        var rate = false;
        var refs = 0;
        var labels = 0;
        var initiativeSections = 0;
        var achievementSections = 0;
        var nonBlank = 0;
        var counts = false;
        foreach (var line in source.Lines.Take(20_000))
        {
            if (line.IsBlank)
            {
                continue;
            }

            var text = line.Text.Trim();
            nonBlank++;
            title |= nonBlank <= 5 && PlanTitle.IsReportTitle(text);
            rate |= text.Contains("達成率", StringComparison.Ordinal) || text.Contains("達成状況", StringComparison.Ordinal);
            if (InitiativeTitle.FindPlanRef(text, out _) is not null)
            {
                refs++;
            }

            // Two status counts in one sentence ("「完了」が9項目、「取組中」が…") say plan progress on their own.
            // So do two counts in a run of status words ("達成 20 一部達成 10", "方針1 S:0、A:4、B:6").
            counts |= nonBlank <= 200 && !counts && (StatusProse.Default.Scan(text).Count(e => e.Kind == StatusEventKind.Count) >= 2
                || StatusRun.Scan(text, StatusWords.Default, StatusColumns.None).Count(e => e.Kind == StatusEventKind.Count) >= 2);
            if (OverviewLabel.TryParse(text) is not null)
            {
                labels++;
            }

            switch (SectionHeading.TryParse(text)?.Kind)
            {
                case SectionKind.Initiatives:
                    initiativeSections++;
                    break;
                case SectionKind.Achievement:
                    achievementSections++;
                    break;
            }
        }

        var signals = (title ? 1 : 0) + (rate ? 1 : 0) + (counts ? 2 : 0) + (refs > 0 ? 1 : 0) + (labels > 0 ? 1 : 0) + (initiativeSections > 0 ? 1 : 0) + (achievementSections > 0 ? 1 : 0);
        if (signals < 2)
        {
            return 0;
        }

        return (title ? 30 : 0) + (rate ? 20 : 0) + (counts ? 20 : 0) + Math.Min(refs * 2, 30) + Math.Min(labels * 5, 15)
            + Math.Min(initiativeSections * 10, 20) + (achievementSections > 0 ? 10 : 0);
    }

    public ParsedDocument Parse(SourceText source) => Parse(source, StatusWords.Default);

    /// <summary>Parses with the status words in force (the user's seeds/reference/plan_status_words.csv).</summary>
    public ParsedDocument Parse(SourceText source, StatusWords words)
    {
        var builder = new Builder(source.File, words);
        foreach (var line in source.Lines)
        {
            builder.Accept(line);
        }

        return builder.Finish();
    }
}
