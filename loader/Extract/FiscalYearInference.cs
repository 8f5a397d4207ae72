using System.Text.RegularExpressions;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Loader.Extract;

/// <summary>Infers a document's fiscal year from era or Gregorian year phrases in its text.</summary>
internal static partial class FiscalYearInference
{
    /// <summary>Gregorian year of an era year (令和2 → 2020); null for an unknown era.</summary>
    public static int? ToGregorian(string era, int eraYear) =>
        Models.Quantities.JapaneseEra.TryToGregorianYear(era, eraYear, out var year) ? year : null;

    /// <summary>Parses "元" or digits as an era year.</summary>
    public static int ParseEraYear(string text) => text == "元" ? 1 : int.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A fiscal-year phrase in a title line (令和2年度当初予算, 2020年度…), or null.
    /// </summary>
    public static (int Year, string Evidence)? FromTitle(IEnumerable<TextLine> titleLines)
    {
        foreach (var line in titleLines)
        {
            var compact = line.Text.Replace(" ", "", StringComparison.Ordinal);
            var m = EraFiscalYear().Match(compact);
            if (m.Success && ToGregorian(m.Groups["era"].Value, ParseEraYear(m.Groups["y"].Value)) is { } year)
            {
                return (year, $"'{m.Value}' in the title (line {line.Number})");
            }

            var g = GregorianFiscalYear().Match(compact);
            if (g.Success)
            {
                return (int.Parse(g.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture), $"'{g.Value}' in the title (line {line.Number})");
            }
        }

        return null;
    }

    /// <summary>
    /// "令和元年度最終補正" names the previous year's final supplementary budget, into which this year's
    /// budget brought work forward: the document is the following year's budget.
    /// </summary>
    public static (int Year, string Evidence)? FromFinalSupplementary(IEnumerable<TextLine> lines)
    {
        foreach (var line in lines)
        {
            var m = FinalSupplementary().Match(line.Text);
            if (m.Success && ToGregorian(m.Groups["era"].Value, ParseEraYear(m.Groups["y"].Value)) is { } year)
            {
                return (year + 1, $"'{m.Value}' (line {line.Number}) is the previous year's final supplementary budget");
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<era>令和|平成|昭和|R|H)(?<y>\d{1,2}|元)年度")]
    private static partial Regex EraFiscalYear();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})年度")]
    private static partial Regex GregorianFiscalYear();

    [GeneratedRegex(@"(?<era>令和|平成)\s*(?<y>\d{1,2}|元)\s*年度\s*最終補正")]
    private static partial Regex FinalSupplementary();
}
