using System.Text;
using BudgetWarehouse.Loader.Extract.Text;

namespace BudgetWarehouse.Tests.Extract;

public class TextNormalizerFastPathTests
{
    [Fact]
    public void EveryCharacterOfTheStableSetIsItsOwnNfkc()
    {
        var stable = 0;
        for (var c = '\0'; c < '\uD800'; c++)
        {
            if (TextNormalizer.IsStableChar(c))
            {
                stable++;
                var s = c.ToString();
                Assert.True(s.Normalize(NormalizationForm.FormKC) == s, $"U+{(int)c:X4} changes under NFKC");
            }
        }

        Assert.True(stable > 20_000);
    }

    [Theory]
    [InlineData("- ・価値創造拠点施設の整備を本格化（令和3年春開設予定）")]
    [InlineData("（１）地域経済の活性化")]
    [InlineData("①新産業の創出と人材の育成")]
    [InlineData("■Ⅳ　誰もが安心して暮らせるまちづくり")]
    [InlineData("ｶﾀｶﾅ と ＵＪＩ ターン ５Ｇ")]
    [InlineData("か\u3099 combining mark")]
    [InlineData("◇ 交流・定住人口の拡大 〔再掲〕 【数値目標】")]
    public void NormalizeAgreesWithNfkcOutsideCircledNumbers(string line)
    {
        var expected = line.Contains('①', StringComparison.Ordinal) ? "①" + line[1..].Normalize(NormalizationForm.FormKC) : line.Normalize(NormalizationForm.FormKC);
        Assert.Equal(expected, TextNormalizer.Normalize(line));
    }
}
