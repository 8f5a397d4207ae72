namespace BudgetWarehouse.Loader.Extract.BudgetPriorities;

/// <summary>A cheap test for a sum of money in a line (a digit, later 円), before the quantity scanner reads it.</summary>
internal static class MoneyText
{
    public static bool HasMoney(ReadOnlySpan<char> text)
    {
        var digit = text.IndexOfAnyInRange('0', '9');
        return digit >= 0 && text[digit..].Contains('円');
    }
}
