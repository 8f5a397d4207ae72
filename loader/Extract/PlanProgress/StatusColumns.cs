using System.Text.RegularExpressions;

namespace BudgetWarehouse.Loader.Extract.PlanProgress;

/// <summary>
/// What the header of a status table says about the numbers after each status word: whether it prints a change
/// column (増減, 前年比, 前年度比, 対前年) and a share column (構成比, 割合). Under a change column a number is a change
/// even when printed without a sign (2 = +2; ▲ / △ / − mean a decrease).
/// </summary>
internal sealed partial record StatusColumns(bool Change, bool Share)
{
    public static StatusColumns None { get; } = new(false, false);

    /// <summary>The columns a header line (or the header cells of a run) names.</summary>
    public static StatusColumns Of(string header) => new(ChangeHeader().IsMatch(header), ShareHeader().IsMatch(header));

    /// <summary>True when the text names a change column.</summary>
    public static bool NamesChange(string header) => ChangeHeader().IsMatch(header);

    /// <summary>The columns either header names.</summary>
    public StatusColumns With(StatusColumns other) => new(Change || other.Change, Share || other.Share);

    [GeneratedRegex(@"増減|前年比|前年度比|対前年")]
    private static partial Regex ChangeHeader();

    [GeneratedRegex(@"構成比|割合|比率|構成率")]
    private static partial Regex ShareHeader();
}
