namespace BudgetWarehouse.Models.Quantities;

/// <summary>An amount of money in yen, as stated in a document.</summary>
/// <param name="Yen">The amount in yen after applying 兆/億/万/千 multipliers and any stated document unit.</param>
/// <param name="IsApproximate">The text hedges the amount (約, およそ, 余, あまり …).</param>
/// <param name="RawText">The text the amount was read from, as printed.</param>
public readonly record struct YenAmount(long Yen, bool IsApproximate, string RawText);

/// <summary>A percentage, as stated in a document.</summary>
/// <param name="Value">The number before the percent sign (5.4 for 5.4%).</param>
/// <param name="IsApproximate">The text hedges the value.</param>
/// <param name="RawText">The text the value was read from, as printed.</param>
public readonly record struct Percentage(double Value, bool IsApproximate, string RawText);

/// <summary>A count of things with the counter word that names them (3クラブ, 42件, 111名).</summary>
/// <param name="Value">The number counted (after 万 multipliers: 1万2千人 = 12000).</param>
/// <param name="Counter">The counter word as printed after NFKC (件, 名, 施設, クラブ, 項目 …).</param>
/// <param name="IsApproximate">The text hedges the value.</param>
/// <param name="RawText">The text the count was read from, as printed.</param>
public readonly record struct CountedQuantity(double Value, string Counter, bool IsApproximate, string RawText);

/// <summary>Values of <c>fact_measure.unit</c>.</summary>
public static class MeasureUnits
{
    /// <summary>Money; the amount is in <c>amount_yen</c>.</summary>
    public const string Yen = "JPY";

    /// <summary>A percentage; <c>value</c> is the printed number (5.4 for 5.4%).</summary>
    public const string Percent = "percent";

    /// <summary>A count; <c>counter</c> names what is counted.</summary>
    public const string Count = "count";
}

/// <summary>Values of <c>fact_measure.role</c>: how a quantity relates to what the sentence measures.</summary>
public static class MeasureRoles
{
    /// <summary>The stated value of the measure.</summary>
    public const string Value = "value";

    /// <summary>A limit the value is held against (18%未満).</summary>
    public const string Threshold = "threshold";

    /// <summary>A comparison figure from elsewhere (地財計画10.2%).</summary>
    public const string Benchmark = "benchmark";

    /// <summary>A part of the preceding amount (うち…).</summary>
    public const string Component = "component";

    /// <summary>A running total over several periods (累計).</summary>
    public const string Cumulative = "cumulative";

    /// <summary>A sum over a period or over parts (総額, 合計).</summary>
    public const string Total = "total";

    /// <summary>The same figure for the year before, printed beside the value ((142億円) under 160億円, a 令和6年度 column).</summary>
    public const string PriorYear = "prior_year";

    /// <summary>A change on the year before (3.1%↑, 215億円増, ▲2.6% in a 増減率 column), signed.</summary>
    public const string Change = "change";

    /// <summary>A figure per inhabitant (1人当たり3,154円).</summary>
    public const string PerCapita = "per_capita";

    /// <summary>A debt commitment in a note on the item ((債務負担4億円), and (同約6億円) after it): future years' spending, not this budget.</summary>
    public const string Commitment = "commitment";
}
