using System.Globalization;
using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// The date a report's counts are as of: 令和6年3月末現在, 令和 5 年 9 月末現在 (digits spaced by PDF extraction),
/// (R5.9 月末現在), H27.3月末時点, 令和6年度末現在, 2024年3月31日現在. The year reported on is the fiscal year that
/// contains the date (results as of H27.3月末 are those of FY2014).
/// </summary>
internal static partial class AsOfDate
{
    public static DateOnly? Find(string text)
    {
        var m = EraDate().Match(text);
        if (m.Success && FiscalYearInference.ToGregorian(m.Groups["era"].Value, FiscalYearInference.ParseEraYear(m.Groups["y"].Value)) is { } year)
        {
            return Resolve(year, m);
        }

        var g = GregorianDate().Match(text);
        return g.Success ? Resolve(int.Parse(g.Groups["y"].Value, CultureInfo.InvariantCulture), g) : null;
    }

    /// <summary>The fiscal year (April–March) that contains the date.</summary>
    public static int FiscalYearOf(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    private static DateOnly? Resolve(int year, Match m)
    {
        if (m.Groups["fy"].Success)
        {
            return new DateOnly(year + 1, 3, 31); // 年度末: the end of that fiscal year
        }

        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return null;
        }

        var day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : DateTime.DaysInMonth(year, month);
        return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
    }

    [GeneratedRegex(@"(?<era>令和|平成|R|H)\s*(?<y>\d{1,2}|元)\s*(?:(?<fy>年度)\s*末|(?:年|\.)\s*(?<m>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*日|末)?)\s*(?:現在|時点)")]
    private static partial Regex EraDate();

    [GeneratedRegex(@"(?<y>(?:19|20)\d{2})\s*(?:(?<fy>年度)\s*末|(?:年|\.|/)\s*(?<m>\d{1,2})\s*月?\s*(?:(?<d>\d{1,2})\s*日|末)?)\s*(?:現在|時点)")]
    private static partial Regex GregorianDate();
}
