using System.Globalization;
using BudgetWarehouse.Loader.Extract.PlanProgress;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>
/// Turns a plan-progress report's achievement rows into <c>fact_plan_achievement</c>, <c>fact_plan_status</c>
/// and <c>fact_plan_transition</c> rows: recomputes each rate from its counts, checks it against the printed rate
/// at the printed precision, and checks that the policy rows add up to the total row. Disagreements are
/// kept in the rows (<c>is_consistent = false</c>) and reported as warnings, never corrected.
/// </summary>
internal static class PlanAchievementTransformer
{
    public static PlanRows Transform(ParsedDocument doc, DocumentContext ctx, int documentYear)
    {
        var achievements = new List<FactPlanAchievementRow>();
        var statuses = new List<FactPlanStatusRow>();
        var transitions = new List<FactPlanTransitionRow>();
        var warnings = new List<Diagnostic>();
        for (var i = 0; i < doc.Achievements.Count; i++)
        {
            var e = doc.Achievements[i];
            var year = e.FiscalYear ?? documentYear;
            var id = Ids.Achievement(ctx.DocumentId, i + 1);
            var policyId = e.PolicyCode is null ? null : Ids.Policy(ctx.DocumentId, e.PolicyCode);
            double? rate = e.ItemsPlanned is > 0 && e.ItemsAchieved is { } achieved ? achieved * 100.0 / e.ItemsPlanned.Value : null;
            bool? consistent = null;
            if (e.StatedRateText is not null && e.ItemsPlanned is > 0 && e.ItemsAchieved is { } a)
            {
                consistent = Agrees(a, e.ItemsPlanned.Value, e.StatedRate!.Value, e.StatedRateDecimals);
                if (consistent == false)
                {
                    warnings.Add(new Diagnostic(Severity.Warning, ctx.FileName, e.Span.StartLine, string.Create(CultureInfo.InvariantCulture,
                        $"achievement row '{e.Label}': printed rate {e.StatedRateText} disagrees with its counts {a}/{e.ItemsPlanned} = {rate:0.###}%")));
                }
            }

            var check = PlanStatusReconciler.Check(e);
            if (check.Checked)
            {
                consistent = consistent != false && check.Problems.Count == 0;
            }

            foreach (var problem in check.Problems)
            {
                warnings.Add(new Diagnostic(Severity.Warning, ctx.FileName, e.Span.StartLine, $"status counts '{Short(e.Label)}': {problem}"));
            }

            achievements.Add(new FactPlanAchievementRow
            {
                AchievementId = id,
                DocumentId = ctx.DocumentId,
                FiscalYear = year,
                PolicyId = policyId,
                RowKind = e.RowKind,
                Label = e.Label,
                ItemsPlanned = e.ItemsPlanned,
                ItemsAchieved = e.ItemsAchieved,
                ItemsPending = e.ItemsPending,
                AchievementRate = rate,
                StatedRate = e.StatedRate,
                StatedRateText = e.StatedRateText,
                IsConsistent = consistent,
                RawText = e.RawText,
                SourceLine = e.Span.StartLine,
                SourceLineEnd = e.Span.EndLine,
            });
            var key = new StatusKey(id, ctx.DocumentId, year, policyId);
            var words = ctx.Reference?.StatusWords ?? StatusWords.Default;
            statuses.AddRange(StatusRows(doc, e, check, key, words));
            transitions.AddRange(TransitionRows(e, key, words));
        }

        warnings.AddRange(CheckTotals(doc.Achievements, ctx.FileName));
        return new PlanRows(achievements, statuses, transitions, warnings);
    }

    /// <summary>The rows a plan-progress report contributes, and what its checks found.</summary>
    internal sealed record PlanRows(
        List<FactPlanAchievementRow> Achievements, List<FactPlanStatusRow> Statuses, List<FactPlanTransitionRow> Transitions, List<Diagnostic> Warnings);

    private sealed record StatusKey(string AchievementId, string DocumentId, int FiscalYear, string? PolicyId);

    /// <summary>
    /// One fact_plan_transition row per transition printed with the row's counts, each side classed by the same
    /// status file (and legend) as the counts. A transition is what the report says moved; it is not checked
    /// against the counts it sits under.
    /// </summary>
    private static IEnumerable<FactPlanTransitionRow> TransitionRows(PlanAchievementEntry e, StatusKey key, StatusWords words)
    {
        for (var k = 0; k < e.Transitions.Count; k++)
        {
            var t = e.Transitions[k];
            var from = words.Classify(t.FromMeaning ?? t.From);
            var to = words.Classify(t.ToMeaning ?? t.To);
            yield return new FactPlanTransitionRow
            {
                TransitionId = $"{key.AchievementId}-T{(k + 1).ToString("D2", CultureInfo.InvariantCulture)}",
                AchievementId = key.AchievementId,
                DocumentId = key.DocumentId,
                FiscalYear = key.FiscalYear,
                PolicyId = key.PolicyId,
                RowKind = e.RowKind,
                FromRaw = t.From,
                FromMeaning = t.FromMeaning,
                FromClass = from?.Class ?? StatusClasses.Other,
                FromRank = from?.Rank ?? StatusClasses.OtherRank,
                ToRaw = t.To,
                ToMeaning = t.ToMeaning,
                ToClass = to?.Class ?? StatusClasses.Other,
                ToRank = to?.Rank ?? StatusClasses.OtherRank,
                ItemCount = t.ItemCount,
                ItemRefs = t.ItemRefsText,
                ItemNumbers = t.ItemRefs.Count == 0 ? null : string.Join(',', t.ItemRefs.Select(n => n.ToString(CultureInfo.InvariantCulture))),
                RawText = t.RawText,
                SourceLine = t.Line,
            };
        }
    }

    /// <summary>One fact_plan_status row per count of the row, with its class from the scheme file and its checks.</summary>
    private static IEnumerable<FactPlanStatusRow> StatusRows(ParsedDocument doc, PlanAchievementEntry e, StatusReconciliation check, StatusKey key, StatusWords words)
    {
        // Disagreements of the row itself (total, breakdown, net count) flag every count of the row.
        var rowProblems = check.Problems.Count - check.Statuses.Count(x => x.Consistent == false);
        for (var k = 0; k < e.Statuses.Count; k++)
        {
            var s = e.Statuses[k];
            var known = words.Classify(s.Meaning ?? s.StatusRaw);
            var (rate, shareAgrees) = check.Statuses[k];
            bool? consistent = shareAgrees == false || rowProblems > 0 ? false : check.Checked ? true : null;
            yield return new FactPlanStatusRow
            {
                // The position in the row keeps ids unique when a breakdown repeats a rank.
                StatusId = $"{key.AchievementId}-S{(k + 1).ToString("D2", CultureInfo.InvariantCulture)}",
                AchievementId = key.AchievementId,
                DocumentId = key.DocumentId,
                FiscalYear = key.FiscalYear,
                PolicyId = key.PolicyId,
                RowKind = e.RowKind,
                StatusRaw = s.StatusRaw,
                StatusScale = s.StatusScale,
                StatusRank = s.StatusRank,
                ItemCount = s.ItemCount,
                SourceLine = s.Line,
                StatusClass = known?.Class ?? StatusClasses.Other,
                ScaleRank = known?.Rank ?? StatusClasses.OtherRank,
                IsSchemeWord = known is not null,
                ParentStatusRaw = s.ParentRaw,
                IsBreakdown = s.ParentRaw is not null,
                StatusChange = s.Change,
                ItemsTotal = e.ItemsPlanned,
                StatedRate = s.StatedRate,
                StatedRateText = s.StatedRateText,
                RecomputedRate = rate,
                IsConsistent = consistent,
                PlanName = doc.PlanName,
                PlanStartFiscalYear = doc.PlanStartFiscalYear,
                PlanEndFiscalYear = doc.PlanEndFiscalYear,
                AsOfDate = e.AsOfDate,
            };
        }
    }

    private static string Short(string label) => label.Length <= 40 ? label : label[..40] + "…";

    /// <summary>
    /// True when the rate recomputed from the counts, rounded or cut to the printed number of decimals, is the
    /// printed rate (reports differ in whether they round or truncate).
    /// </summary>
    public static bool Agrees(int achieved, int planned, double stated, int decimals)
    {
        var exact = achieved * 100m / planned;
        var printed = Math.Round((decimal)stated, decimals);
        var scale = (decimal)Math.Pow(10, decimals);
        return Math.Round(exact, decimals, MidpointRounding.AwayFromZero) == printed || Math.Truncate(exact * scale) / scale == printed;
    }

    /// <summary>
    /// Each total row must equal the sum of the policy rows printed above it (since the previous total row, so
    /// that two tables of one report are checked apart).
    /// </summary>
    private static IEnumerable<Diagnostic> CheckTotals(IReadOnlyList<PlanAchievementEntry> entries, string file)
    {
        // A subtotal covers the policy rows since the last subtotal; a total covers every policy row of its table.
        var table = new List<PlanAchievementEntry>();
        var sinceSubtotal = new List<PlanAchievementEntry>();
        foreach (var total in entries)
        {
            if (total.RowKind == AchievementRowKinds.Policy)
            {
                table.Add(total);
                sinceSubtotal.Add(total);
                continue;
            }

            if (total.RowKind == AchievementRowKinds.Status)
            {
                continue; // counts stated outside a policy table are checked against their own printed total
            }

            var subtotal = total.RowKind == AchievementRowKinds.Subtotal;
            foreach (var warning in CheckTotal(total, subtotal ? sinceSubtotal : table, file))
            {
                yield return warning;
            }

            sinceSubtotal.Clear();
            if (!subtotal)
            {
                table.Clear();
            }
        }
    }

    private static IEnumerable<Diagnostic> CheckTotal(PlanAchievementEntry total, List<PlanAchievementEntry> table, string file)
    {
        if (table.Count == 0)
        {
            yield break;
        }

        foreach (var (name, pick) in new (string, Func<PlanAchievementEntry, int?>)[]
        {
            ("items planned", e => e.ItemsPlanned),
            ("items achieved", e => e.ItemsAchieved),
            ("items pending", e => e.ItemsPending),
        })
        {
            // A policy row without a pending footnote has none pending; without a count it cannot be summed.
            if (pick(total) is not { } printed || table.Any(p => pick(p) is null && name != "items pending"))
            {
                continue;
            }

            var sum = table.Sum(p => pick(p) ?? 0);
            if (sum != printed)
            {
                yield return new Diagnostic(Severity.Warning, file, total.Span.StartLine,
                    $"achievement total row '{total.Label}' says {printed} {name} but the policy rows add up to {sum}");
            }
        }

        foreach (var status in total.Statuses)
        {
            var sum = table.Sum(p => p.Statuses.Where(s => s.StatusRaw == status.StatusRaw).Sum(s => s.ItemCount));
            if (sum != status.ItemCount)
            {
                yield return new Diagnostic(Severity.Warning, file, status.Line,
                    $"achievement total row '{total.Label}' says {status.ItemCount} items '{status.StatusRaw}' but the policy rows add up to {sum}");
            }
        }
    }
}
