using System.Globalization;
using System.Text;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class YenRoundTripTests
{
    // Writes yen the way budget documents do: 2兆3,090億1,430万3,000円, optionally full-width.
    private static string ToJapanese(long yen, bool commas, bool fullWidth)
    {
        var sb = new StringBuilder();
        if (yen < 0)
        {
            sb.Append('△');
            yen = -yen;
        }

        var parts = new (long Unit, string Name)[] { (1_000_000_000_000, "兆"), (100_000_000, "億"), (10_000, "万"), (1, "") };
        var rest = yen;
        foreach (var (unit, name) in parts)
        {
            var n = rest / unit;
            rest %= unit;
            if (n > 0 || (unit == 1 && sb.Length == 0 || unit == 1 && sb.Length == 1 && sb[0] == '△'))
            {
                sb.Append(n.ToString(commas ? "#,0" : "0", CultureInfo.InvariantCulture)).Append(name);
            }
        }

        sb.Append('円');
        var text = sb.ToString();
        return fullWidth ? new string([.. text.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c == ',' ? '，' : c)]) : text;
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(0, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void GeneratedAmountsRoundTrip(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            // Mix magnitudes so that every multiplier and empty groups (1兆5万円) occur.
            var digits = random.Next(1, 17);
            var yen = (long)(random.NextDouble() * Math.Pow(10, digits));
            if (random.Next(4) == 0)
            {
                yen = yen / 10_000 * 10_000;
            }

            if (random.Next(10) == 0)
            {
                yen = -yen;
            }

            var text = ToJapanese(yen, commas: random.Next(2) == 0, fullWidth: random.Next(3) == 0);
            var m = Single(text);
            Assert.True(yen == m.AmountYen, $"{text} → {m.AmountYen}, expected {yen}");
            Assert.Equal(text, m.RawText);
        }
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(10_000L)]
    [InlineData(100_000_000L)]
    [InlineData(1_000_000_000_000L)]
    [InlineData(1_000_000_000_001L)]
    [InlineData(9_999_999_999_999_999L)]
    public void EdgeAmountsRoundTrip(long yen) => Assert.Equal(yen, Single(ToJapanese(yen, true, false)).AmountYen);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ThousandYenUnitsRoundTrip(int seed)
    {
        var random = new Random(seed);
        var thousands = random.NextInt64(1, 1_000_000_000);
        var text = thousands.ToString("#,0", CultureInfo.InvariantCulture) + "千円";
        Assert.Equal(thousands * 1000, Single(text).AmountYen);
    }
}
