using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// A numbered table of text columns ("No 意見の概要 市の対応" then "3 防災訓練の周知を…"): each row is a record
/// with a number, not a basic policy, and none of its cells is a status count.
/// </summary>
internal static partial class KeyValueTable
{
    /// <summary>True for the header: a number column (No, 番号) and two or more text columns.</summary>
    public static bool IsHeader(string text) => Header().IsMatch(text.Trim());

    /// <summary>True for a row under the header: a number, then text.</summary>
    public static bool IsRow(string text) => Row().IsMatch(text.Trim());

    /// <summary>Line numbers of the header and rows of every such table in the lines.</summary>
    public static HashSet<int> Lines(IReadOnlyList<TextLine> lines)
    {
        var result = new HashSet<int>();
        var open = false;
        foreach (var line in lines.Where(l => !l.IsBlank))
        {
            var text = line.Text;
            open = IsHeader(text) || (open && IsRow(text));
            if (open)
            {
                result.Add(line.Number);
            }
        }

        return result;
    }

    [GeneratedRegex(@"^(?:No\.?|NO\.?|番号|項番)\s+[^\d\s]\S*(?:\s+[^\d\s]\S*)+$")]
    private static partial Regex Header();

    [GeneratedRegex(@"^\d{1,3}\s+[^\d\s]")]
    private static partial Regex Row();
}
