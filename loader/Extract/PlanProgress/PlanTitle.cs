using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// The title of a plan-progress report ("…プランの取組状況等について", "…計画の進捗状況") and the plan name it
/// contains: the words up to and including the plan noun (プラン, 計画, 大綱, 戦略, …) before the report words.
/// </summary>
internal static partial class PlanTitle
{
    public const int MaxTitleLength = 60;

    /// <summary>True when the line reads as the title of a progress report.</summary>
    public static bool IsReportTitle(string text)
    {
        var t = Compact(text);
        return t.Length is > 0 and <= MaxTitleLength && ReportWords().IsMatch(t) && !t.EndsWith('。');
    }

    /// <summary>The plan name in a report title, or null.</summary>
    public static string? PlanName(string text)
    {
        var m = NameBeforeReportWords().Match(Compact(text));
        return m.Success ? m.Groups["name"].Value : null;
    }

    /// <summary>The plan name in an overview heading ("…プランの概要"), or null.</summary>
    public static string? PlanNameFromOverview(string text)
    {
        var m = NameBeforeOverview().Match(Compact(text));
        return m.Success ? m.Groups["name"].Value : null;
    }

    private static string Compact(string text) => text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal);

    [GeneratedRegex(@"(?:取組|取り組み|進捗|実施|推進|達成)(?:状況|結果|実績)")]
    private static partial Regex ReportWords();

    // An optional leading year ("令和5年度"), then the shortest name that ends in a plan noun (with an optional
    // year or bracketed edition), then the report words.
    [GeneratedRegex(@"^(?:(?:令和|平成)(?:\d{1,2}|元)年度|(?:19|20)\d{2}年度)?(?:[「『])?(?<name>.+?(?:プラン|計画|大綱|戦略|ビジョン|指針|プログラム)(?:\d{4})?(?:\([^()]*\))?)(?:[」』])?(?:(?:令和|平成)(?:\d{1,2}|元)年度|(?:19|20)\d{2}年度)?(?:の|に係る|における|に基づく)?(?:取組|取り組み|進捗|実施|推進|達成)(?:状況|結果|実績)")]
    private static partial Regex NameBeforeReportWords();

    [GeneratedRegex(@"^(?:\d{1,2}[.、]?|[IVX]{1,4}[.、]?|第\d{1,2}章?|[■●◆□◇])?(?<name>\S+?(?:プラン|計画|大綱|戦略|ビジョン|指針|プログラム)(?:\d{4})?(?:\([^()]*\))?)の概要$")]
    private static partial Regex NameBeforeOverview();
}
