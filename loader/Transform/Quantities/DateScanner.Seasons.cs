namespace BudgetWarehouse.Loader.Transform.Quantities;

/// <summary>Seasons after a year: 春, 秋頃, 冬ごろ.</summary>
internal static partial class DateScanner
{
    private sealed record Season(int Month, int Length, int YearOffset)
    {
        public int Year(int year) => year + YearOffset;
    }

    private static Season? SeasonMonths(char c, bool fiscal) => c switch
    {
        '春' => fiscal ? new Season(4, 2, 0) : new Season(3, 3, 0),
        '夏' => new Season(6, 3, 0),
        '秋' => new Season(9, 3, 0),
        '冬' => new Season(12, 3, 0),
        _ => null,
    };

    private static int SeasonLength(ReadOnlySpan<char> s)
    {
        if (s.Length > 1 && s[1] is '期' or '頃')
        {
            return 2;
        }

        return s.Length > 2 && s[1..].StartsWith("ごろ") ? 3 : 1;
    }

}
