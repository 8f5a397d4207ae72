namespace BudgetWarehouse.Models.Quantities;

/// <summary>Values of <c>fact_milestone.precision</c>: how finely a date was stated.</summary>
public static class DatePrecision
{
    /// <summary>A day or a range of days (令和2年10月3日、4日).</summary>
    public const string Day = "day";

    /// <summary>A month, or a third of one (令和3年3月, 10月上旬).</summary>
    public const string Month = "month";

    /// <summary>A season of a year (令和3年春).</summary>
    public const string Season = "season";

    /// <summary>A fiscal year, April to March (令和3年度).</summary>
    public const string FiscalYear = "fiscal_year";

    /// <summary>A calendar year (令和3年).</summary>
    public const string Year = "year";
}

/// <summary>How a date phrase bounds the thing it dates.</summary>
public enum DateQualifier
{
    /// <summary>The date is when it happens.</summary>
    At,

    /// <summary>中 / 中に: at some point within the period.</summary>
    Within,

    /// <summary>まで / までに: no later than the end of the period.</summary>
    Deadline,

    /// <summary>から / より: starting with the period.</summary>
    From,
}

/// <summary>
/// A date or period written in Japanese notation, resolved to a Gregorian range.
/// <see cref="Start"/> and <see cref="End"/> are inclusive; a single day has Start == End.
/// </summary>
/// <param name="Start">First day the phrase can mean.</param>
/// <param name="End">Last day the phrase can mean.</param>
/// <param name="Precision">One of <see cref="DatePrecision"/>.</param>
/// <param name="Qualifier">What the trailing particle says about the period.</param>
/// <param name="RawText">The date phrase as printed.</param>
public sealed record JapaneseDate(DateOnly Start, DateOnly End, string Precision, DateQualifier Qualifier, string RawText)
{
    /// <summary>The fiscal year (April–March) the start of the period falls in.</summary>
    public int FiscalYear => JapaneseEra.FiscalYearOf(Start);
}
