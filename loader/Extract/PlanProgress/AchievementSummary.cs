using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>The headline of an achievement section as a sentence.</summary>
/// <param name="Planned">Items planned ("90 項目中").</param>
/// <param name="Achieved">Items achieved ("80 項目が達成").</param>
/// <param name="Rate">The rate in percent, when printed.</param>
/// <param name="RateText">The rate as printed.</param>
/// <param name="Decimals">Decimals the rate is printed with.</param>
/// <param name="Line">Where the sentence is.</param>
/// <param name="Text">The sentence (normalised).</param>
internal sealed record AchievementSummaryLine(int Planned, int Achieved, double? Rate, string? RateText, int Decimals, int Line, string Text);

/// <summary>
/// Recognises "達成率 88.9% (実施計画 90 項目中 80 項目が達成済)" and "全90項目のうち80項目を達成(達成率88.9%)":
/// the overall counts printed as a sentence above (or instead of) the table.
/// </summary>
internal static partial class AchievementSummary
{
    public static AchievementSummaryLine? TryParse(string text, int line)
    {
        var counts = Counts().Match(text);
        if (!counts.Success || !text.Contains("達成", StringComparison.Ordinal))
        {
            return null;
        }

        var planned = int.Parse(counts.Groups["planned"].Value, CultureInfo.InvariantCulture);
        var achieved = int.Parse(counts.Groups["achieved"].Value, CultureInfo.InvariantCulture);
        var rate = Rate().Match(text);
        if (!rate.Success)
        {
            return new AchievementSummaryLine(planned, achieved, null, null, 0, line, text.Trim());
        }

        var digits = rate.Groups["rate"].Value;
        var dot = digits.IndexOf('.', StringComparison.Ordinal);
        return new AchievementSummaryLine(planned, achieved, double.Parse(digits, CultureInfo.InvariantCulture), digits + "%",
            dot < 0 ? 0 : digits.Length - dot - 1, line, text.Trim());
    }

    [GeneratedRegex(@"(?<planned>\d{1,4})\s*(?:項目|件|事業|取組)\s*(?:中|のうち|の内)\s*[、,]?\s*(?<achieved>\d{1,4})\s*(?:項目|件|事業|取組)")]
    private static partial Regex Counts();

    [GeneratedRegex(@"達成率\s*(?:は|:)?\s*(?<rate>\d{1,3}(?:\.\d+)?)\s*%")]
    private static partial Regex Rate();
}
