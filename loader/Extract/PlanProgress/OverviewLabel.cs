using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>Labelled blocks of a plan's outline.</summary>
internal enum OverviewBlock
{
    /// <summary>基本理念: the plan's principle.</summary>
    Principle,

    /// <summary>推進期間, 計画期間: the plan period.</summary>
    Period,

    /// <summary>基本方針, 基本目標, 施策の柱: the list of basic policies.</summary>
    Policies,
}

/// <summary>
/// A label heading of the outline ("(1) 基本理念", "■推進期間", "基本方針"), optionally with its value on the
/// same line ("基本理念：…").
/// </summary>
internal static partial class OverviewLabel
{
    public static (OverviewBlock Block, string? InlineValue)? TryParse(string text)
    {
        var m = Label().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var label = m.Groups["label"].Value;
        var block = label switch
        {
            "基本理念" or "理念" => OverviewBlock.Principle,
            "基本方針" or "基本目標" or "施策の柱" or "取組の柱" or "基本的方向" => OverviewBlock.Policies,
            _ => OverviewBlock.Period,
        };
        var value = m.Groups["value"].Success ? m.Groups["value"].Value.Trim() : null;
        return (block, string.IsNullOrEmpty(value) ? null : value);
    }

    [GeneratedRegex(@"^(?:-\s*)?(?:\(\s*\d{1,2}\s*\)|[\u2460-\u2473]|\d{1,2}\s*[.、]|[■●◆□◇・]|【)?\s*(?<label>基本理念|理念|推進期間|計画期間|取組期間|基本方針|基本目標|施策の柱|取組の柱|基本的方向)】?\s*(?:[:：]\s*(?<value>.*)|\s+(?<value>\S.*))?$")]
    private static partial Regex Label();
}
