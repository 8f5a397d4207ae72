using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>A table footnote that qualifies a count: "※うち 2 項目は数値未確定".</summary>
/// <param name="Mark">The mark that ties it to a cell ("※", "※1", "*1").</param>
/// <param name="Count">The number of items it speaks of.</param>
/// <param name="What">What is said of them, as printed ("数値未確定").</param>
/// <param name="Scale">The status class of <paramref name="What"/>, or null when it is not a status.</param>
/// <param name="Line">Where the footnote is.</param>
internal sealed record FootnoteLine(string Mark, int Count, string What, string? Scale, int Line)
{
    /// <summary>The words file tags <see cref="What"/> as a result not yet known (数値未確定).</summary>
    public bool IsPending { get; init; }
}

/// <summary>Recognises footnotes of an achievement table and the marks on its cells.</summary>
internal static partial class Footnote
{
    /// <summary>True when the line is a footnote (starts with ※, * or 注), whatever it says.</summary>
    public static bool IsFootnote(string text) => Start().IsMatch(text);

    /// <summary>A footnote that gives a count of items with a status, or null.</summary>
    public static FootnoteLine? TryParse(string text, int line, StatusWords words)
    {
        var m = Counted().Match(text.Trim());
        if (!m.Success)
        {
            return null;
        }

        var what = m.Groups["what"].Value.Trim().TrimEnd('。', '.', ')').Trim();
        return new FootnoteLine(NormaliseMark(m.Groups["mark"].Value), int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
            what, StatusScheme.ClassifyWord(what, words), line)
        {
            IsPending = StatusScheme.IsPending(what, words),
        };
    }

    /// <summary>"※1" and "*1" are the same mark; "注1" too.</summary>
    public static string NormaliseMark(string mark)
    {
        var digits = new string([.. mark.Where(char.IsAsciiDigit)]);
        return "※" + digits;
    }

    [GeneratedRegex(@"^\s*(?:[※*＊]|注\s*\d*\s*[:：.)])")]
    private static partial Regex Start();

    [GeneratedRegex(@"^(?<mark>[※*]\s*\d*|注\s*\d*)\s*[:：.)]?\s*(?:うち|内|このうち)?\s*[、,]?\s*(?<n>\d{1,4})\s*(?:項目|件|事業|取組|施策)?\s*(?:は|が|について(?:は)?|で)?\s*(?<what>\S.*)$")]
    private static partial Regex Counted();
}
