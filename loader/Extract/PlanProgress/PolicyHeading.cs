using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>A numbered policy heading or list entry.</summary>
/// <param name="Level">1 for a basic policy ("1 title", "方針1 title"), 2 for a sub-heading ("(1) title", "①title").</param>
/// <param name="Number">Its ordinal.</param>
/// <param name="Marker">The marker as printed (normalised).</param>
/// <param name="Title">Text without the marker.</param>
internal readonly record struct PolicyHeadingLine(int Level, int Number, string Marker, string Title);

/// <summary>
/// Recognises basic-policy headings and their sub-headings, and the entries of the 基本方針 list (which may
/// carry a list hyphen: "- 1 title"). A number must be followed by a separator so that "3社の応募" is prose.
/// </summary>
internal static partial class PolicyHeading
{
    public const int MaxTitleLength = 80;

    public static PolicyHeadingLine? TryParse(string text)
    {
        var t = text.Trim();
        var m = Level1().Match(t);
        if (m.Success && IsTitle(m.Groups["title"].Value))
        {
            return new PolicyHeadingLine(1, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                m.Groups["marker"].Value.Trim(), m.Groups["title"].Value.Trim());
        }

        m = Level2().Match(t);
        if (m.Success && IsTitle(m.Groups["title"].Value))
        {
            return new PolicyHeadingLine(2, int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                $"({m.Groups["n"].Value})", m.Groups["title"].Value.Trim());
        }

        var body = t.StartsWith('-') ? t[1..].TrimStart() : t;
        if (body.Length > 1 && TextNormalizer.IsCircledNumber(body[0]) && IsTitle(body[1..]))
        {
            return new PolicyHeadingLine(2, TextNormalizer.CircledValue(body[0]), body[0].ToString(), body[1..].Trim());
        }

        return null;
    }

    private static bool IsTitle(string title)
    {
        var t = title.Trim();
        return t.Length > 0 && t.Length <= MaxTitleLength && !t.EndsWith('。') && !char.IsAsciiDigit(t[0]);
    }

    // "1 title", "1. title", "方針1 title", "基本方針2：title", "【基本方針1】title".
    [GeneratedRegex(@"^(?:-\s*)?(?<marker>【\s*(?:基本)?方針\s*(?<n>\d{1,2})\s*】\s*|(?:(?:基本)?方針\s*(?<n>\d{1,2})\s*[.、:]?\s*)|(?<n>\d{1,2})\s*[.、:]\s*|(?<n>\d{1,2})\s+)(?<title>\S.*)$")]
    private static partial Regex Level1();

    [GeneratedRegex(@"^(?:-\s*)?\(\s*(?<n>\d{1,2})\s*\)\s*(?<title>\S.*)$")]
    private static partial Regex Level2();
}
