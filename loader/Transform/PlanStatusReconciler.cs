using System.Globalization;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Transform;

/// <summary>What the counts of one row say about themselves once checked.</summary>
/// <param name="Problems">Every disagreement found, as a sentence; empty when all agree.</param>
/// <param name="Checked">True when anything could be checked (a printed total, a share, a breakdown, a net count).</param>
/// <param name="Statuses">Per status, in the row's order: the share recomputed from the counts and whether the printed share agrees.</param>
internal sealed record StatusReconciliation(List<string> Problems, bool Checked, List<(double? Rate, bool? Consistent)> Statuses);

/// <summary>
/// Checks a row of status counts against what the report prints about them: the counts (breakdowns left out)
/// add up to the printed total, a breakdown adds up to the count it breaks down, the net count is the total
/// less the re-listed items, and every printed share is its count over the total at the printed precision.
/// </summary>
internal static class PlanStatusReconciler
{
    public static StatusReconciliation Check(PlanAchievementEntry e)
    {
        var problems = new List<string>();
        var isChecked = false;
        var main = e.Statuses.Where(s => s.ParentRaw is null).ToList();
        if (e.IsTotalPrinted && e.ItemsPlanned is { } total && main.Count > 0)
        {
            isChecked = true;
            var sum = main.Sum(s => s.ItemCount);
            if (sum != total)
            {
                problems.Add($"the status counts add up to {sum} but the printed total is {total}");
            }
        }

        foreach (var parent in e.Statuses.Where(s => s.ParentRaw is not null).GroupBy(s => s.ParentRaw!))
        {
            if (main.FirstOrDefault(s => s.StatusRaw == parent.Key) is { } whole)
            {
                isChecked = true;
                var sum = parent.Sum(s => s.ItemCount);
                if (sum != whole.ItemCount)
                {
                    problems.Add($"the breakdown of '{parent.Key}' adds up to {sum} but '{parent.Key}' counts {whole.ItemCount}");
                }
            }
        }

        if (e.ItemsNet is { } net && e.ItemsRelisted is { } relisted && e.ItemsPlanned is { } gross)
        {
            isChecked = true;
            if (gross - relisted != net)
            {
                problems.Add($"{gross} items less {relisted} re-listed is {gross - relisted}, not the printed {net}");
            }
        }

        var statuses = new List<(double?, bool?)>();
        foreach (var s in e.Statuses)
        {
            double? rate = e.ItemsPlanned is > 0 ? s.ItemCount * 100.0 / e.ItemsPlanned.Value : null;
            bool? consistent = null;
            if (s.StatedRate is { } stated && e.ItemsPlanned is > 0)
            {
                isChecked = true;
                consistent = PlanAchievementTransformer.Agrees(s.ItemCount, e.ItemsPlanned.Value, stated, s.StatedRateDecimals);
                if (consistent == false)
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture,
                        $"'{s.StatusRaw}' is printed as {s.StatedRateText} but {s.ItemCount}/{e.ItemsPlanned} = {rate:0.###}%"));
                }
            }

            statuses.Add((rate, consistent));
        }

        return new StatusReconciliation(problems, isChecked, statuses);
    }
}
