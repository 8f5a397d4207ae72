namespace BudgetWarehouse.Bench.Generate;

/// <summary>A synthetic municipality: a plausible name and a 6-digit local government code (団体コード).</summary>
internal sealed record Municipality(string Code, string Name, string Kind);

/// <summary>
/// Synthesises municipality names from name parts (〇〇市, 〇〇町, 〇〇村) and codes in the national scheme:
/// two digits of prefecture, three of municipality, and the JIS X 0402 check digit.
/// </summary>
internal static class Municipalities
{
    private static readonly string[] Heads =
    [
        "北", "南", "東", "西", "中", "上", "下", "大", "小", "新", "本", "高", "長", "白", "青", "赤", "黒", "松", "杉", "桜",
        "梅", "竹", "石", "岩", "山", "川", "田", "野", "原", "浜", "島", "森", "林", "泉", "若", "富", "豊", "吉", "福", "宮",
    ];

    private static readonly string[] Tails =
    [
        "見", "沢", "崎", "岡", "津", "木", "江", "倉", "戸", "尾", "根", "瀬", "谷", "坂", "城", "里", "海", "部", "井", "浦",
        "原", "久", "野", "平", "間", "丘", "郷", "和", "生", "賀",
    ];

    /// <summary>The <paramref name="index"/>-th municipality: deterministic, distinct names and codes for index &lt; 19,200.</summary>
    public static Municipality At(int index)
    {
        var head = Heads[index % Heads.Length];
        var tail = Tails[(index / Heads.Length) % Tails.Length];
        var third = (index / (Heads.Length * Tails.Length)) switch
        {
            0 => "",
            var n => Heads[(n * 7) % Heads.Length],
        };
        var kind = (index % 10) switch { < 5 => "市", < 9 => "町", _ => "村" };
        var prefecture = 1 + (index % 47);
        var local = 201 + (index / 47);
        var five = (prefecture * 1000) + local;
        return new Municipality(five.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) + CheckDigit(five), head + third + tail + kind, kind);
    }

    /// <summary>JIS X 0402 check digit of a five-digit code.</summary>
    public static char CheckDigit(int five)
    {
        var sum = 0;
        var weights = new[] { 6, 5, 4, 3, 2 };
        var digits = five.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < 5; i++)
        {
            sum += (digits[i] - '0') * weights[i];
        }

        var remainder = sum % 11;
        var check = (11 - remainder) % 10; // the ones digit of 11 - r
        return (char)('0' + check);
    }
}
