using System.Globalization;
using System.Text.RegularExpressions;
using BudgetWarehouse.Models;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// Status transitions since the last report: "A←C:3件(No5,12,48)" (3 items moved from C to A: No.5, 12, 48),
/// also printed with → ("C→A 3件"). The arrow points to the status now. Several may share a line.
/// </summary>
internal static partial class TransitionLine
{
    /// <summary>The transitions in the line; empty when it states none.</summary>
    public static List<StatusTransition> Find(string text, int line)
    {
        var result = new List<StatusTransition>();
        foreach (Match m in Transition().Matches(text))
        {
            var (from, to) = m.Groups["arrow"].Value == "←" ? (m.Groups["b"].Value, m.Groups["a"].Value) : (m.Groups["a"].Value, m.Groups["b"].Value);
            var refs = m.Groups["refs"].Success
                ? m.Groups["refs"].Value.Split([',', '、', ' '], StringSplitOptions.RemoveEmptyEntries).Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToList()
                : [];
            result.Add(new StatusTransition(from, to, int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture), refs, line)
            {
                ItemRefsText = m.Groups["printed"].Success ? m.Groups["printed"].Value.Trim() : null,
                RawText = m.Value.Trim(),
            });
        }

        return result;
    }

    private const string Status = @"[A-Z]|[\p{IsCJKUnifiedIdeographs}\p{IsHiragana}\p{IsKatakana}ー]{1,10}";

    [GeneratedRegex(@"(?<a>" + Status + @")\s*(?<arrow>[←→])\s*(?<b>" + Status + @")\s*[:：]?\s*(?<n>\d{1,4})\s*(?:件|項目|事業|取組)(?:\s*\(\s*(?<printed>No\.?\s*(?<refs>\d{1,4}(?:\s*[,、]\s*\d{1,4})*))\s*\))?")]
    private static partial Regex Transition();
}
