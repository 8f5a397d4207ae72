using System.Text;
using BudgetWarehouse.Loader.Transform.Quantities;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class MappedTextTests
{
    [Fact]
    public void EveryCharacterWithAKnownNfkcHasThatNfkc()
    {
        for (var c = '\0'; c < '\uD800'; c++)
        {
            if (MappedText.SingleNfkc(c) is { } single && !MappedText.IsCircled(c))
            {
                Assert.True(c.ToString().Normalize(NormalizationForm.FormKC) == single.ToString(), $"U+{(int)c:X4}");
            }
        }

        for (var c = '\uFF01'; c <= '\uFF5E'; c++)
        {
            Assert.Equal((char)(c - 0xFEE0), MappedText.SingleNfkc(c));
        }
    }

    [Theory]
    [InlineData("事業費（１２億円）を計上")]
    [InlineData("㈱と㍻の扱い、ｶﾞ は結合、ＵＪＩターン")]
    [InlineData("- ・価値創造拠点施設の整備（令和３年春開設予定）")]
    public void WorkingTextIsNfkcAndMapsBackToThePrintedText(string raw)
    {
        var text = MappedText.Create(raw);
        Assert.Equal(raw.Normalize(NormalizationForm.FormKC), text.Text);
        Assert.Equal(raw, text.RawSlice(0, text.Text.Length));
    }

    [Fact]
    public void CircledNumbersAreKept()
    {
        var text = MappedText.Create("①（１）");
        Assert.Equal("①(1)", text.Text);
        Assert.Equal("（１）", text.RawSlice(1, 4));
    }
}
