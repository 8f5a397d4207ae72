using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>An initiative's title line: the bullet, the title, its reference into the plan and its markers.</summary>
/// <param name="Title">Title without the bullet and without the plan reference.</param>
/// <param name="PlanRef">Reference into the plan, e.g. "P27 No.1", or null.</param>
/// <param name="IsNumericTarget">Marked 【数値目標】.</param>
internal readonly record struct InitiativeTitleLine(string Title, string? PlanRef, bool IsNumericTarget);

/// <summary>
/// Recognises "- ・ title [P27, No.1]" and its variants: bullets ・ ● ○ ◎ with or without a list hyphen, and
/// references written [P27, No.1], [P.35 No.R6-7], 【P27・No.1】, (P27, No.1), [No.12] or [P27].
/// </summary>
internal static partial class InitiativeTitle
{
    /// <summary>The bulleted title on the line, or null when the line has no bullet.</summary>
    public static InitiativeTitleLine? TryParse(string text)
    {
        // The pattern starts, after white space, with a hyphen or a bullet: other lines need not run it.
        var t = text.AsSpan().TrimStart();
        if (t.IsEmpty || t[0] is not ('-' or '・' or '･' or '●' or '○' or '◎'))
        {
            return null;
        }

        var m = Bullet().Match(text);
        return m.Success ? Read(m.Groups["body"].Value) : null;
    }

    /// <summary>Reads a title's reference and markers (also used for the wrapped remainder of a title).</summary>
    public static InitiativeTitleLine Read(string body)
    {
        var planRef = FindPlanRef(body, out var refText);
        var title = refText is null ? body.Trim() : body.Replace(refText, "", StringComparison.Ordinal).Trim();
        return new InitiativeTitleLine(title, planRef, body.Contains("数値目標", StringComparison.Ordinal) && NumericTarget().IsMatch(body));
    }

    /// <summary>The normalised reference ("P27 No.1") in the text, and the text it was read from.</summary>
    public static string? FindPlanRef(string text, out string? matched)
    {
        // Both patterns need an opening bracket; most text has none.
        if (text.AsSpan().IndexOfAny(OpeningBrackets) < 0)
        {
            matched = null;
            return null;
        }

        var m = PageAndNumber().Match(text);
        if (!m.Success)
        {
            m = NumberOnly().Match(text);
        }

        if (!m.Success)
        {
            matched = null;
            return null;
        }

        matched = m.Value;
        var page = m.Groups["page"].Success ? "P" + m.Groups["page"].Value : null;
        var no = m.Groups["no"].Success ? "No." + m.Groups["no"].Value : null;
        return string.Join(" ", new[] { page, no }.Where(s => s is not null));
    }

    private static readonly System.Buffers.SearchValues<char> OpeningBrackets = System.Buffers.SearchValues.Create("[【(〔");

    [GeneratedRegex(@"^\s*(?:-\s*)?[・･●○◎]\s*(?<body>\S.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\s*[\[【(〔]\s*[Pp]\s*\.?\s*(?<page>\d{1,4})\s*(?:[,、・/]\s*|\s+)?(?:No\s*\.?\s*(?<no>[A-Za-z]*\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*))?\s*[\]】)〕]")]
    private static partial Regex PageAndNumber();

    [GeneratedRegex(@"\s*[\[【(〔]\s*No\s*\.?\s*(?<no>[A-Za-z]*\d[A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)\s*[\]】)〕]")]
    private static partial Regex NumberOnly();

    [GeneratedRegex(@"[【\[(〔]\s*数値目標\s*[】\])〕]")]
    private static partial Regex NumericTarget();
}
