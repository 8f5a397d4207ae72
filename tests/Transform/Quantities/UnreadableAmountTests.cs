using BudgetWarehouse.Loader.Transform.Quantities;
using static BudgetWarehouse.Tests.Transform.Quantities.QuantityTestText;

namespace BudgetWarehouse.Tests.Transform.Quantities;

/// <summary>An amount the reader cannot store is kept as money with its reason; a leading hyphen after Japanese text is a sign.</summary>
public class UnreadableAmountTests
{
    [Fact]
    public void An_amount_beyond_bigint_is_kept_with_its_reason()
    {
        var m = Single("基金に9999999999999億円を積み立て");
        Assert.Equal(QuantityKind.Money, m.Kind);
        Assert.Null(m.AmountYen);
        Assert.Equal("9999999999999億円", m.RawText);
        Assert.Equal(9.999999999999e20, m.Value, 1e8);
        Assert.Equal(UnreadableAmount.TooLargeReason, m.ParseError);
    }

    [Fact]
    public void A_chain_that_reads_but_exceeds_bigint_is_kept_with_its_reason()
    {
        // 99,999,999兆円 reads as a decimal but not as a BIGINT, which holds at most about 9.2 × 10^18.
        var m = Single("総額99,999,999兆円の計画");
        Assert.Null(m.AmountYen);
        Assert.Equal("99,999,999兆円", m.RawText);
        Assert.Equal(9.9999999e19, m.Value, 1e6);
        Assert.Equal(UnreadableAmount.TooLargeReason, m.ParseError);
    }

    [Fact]
    public void A_number_of_401_digits_before_yen_is_kept_with_its_reason()
    {
        var digits = "1" + new string('0', 400);
        var m = Single($"残高{digits}円です");
        Assert.Null(m.AmountYen);
        Assert.Equal(digits + "円", m.RawText);
        Assert.True(double.IsNaN(m.Value));
        Assert.Equal("a number of 401 digits is too long to read as an amount; kept unparsed", m.ParseError);
    }

    [Fact]
    public void A_long_run_of_digits_without_yen_is_still_not_a_quantity() =>
        Assert.Empty(ScanQuantities("整理番号12345678901234567890123の件について"));

    [Theory]
    [InlineData("予算を-500万円減額", -5_000_000L)]
    [InlineData("予算を−500万円減額", -5_000_000L)]
    [InlineData("経費は-3億円", -300_000_000L)]
    public void A_hyphen_after_japanese_text_is_a_sign(string text, long yen)
    {
        var m = Single(text);
        Assert.Equal(yen, m.AmountYen);
        Assert.Null(m.ParseError);
        Assert.Contains(m.RawText[0], "-−");
    }

    [Theory]
    [InlineData("予算を-500万円減額", -5_000_000L)]
    [InlineData("予算を500万円減額", -5_000_000L)]
    [InlineData("予算を500万円増額", 5_000_000L)]
    [InlineData("前年度より3億円の減", -300_000_000L)]
    public void The_direction_word_gives_a_change_its_sign_once(string text, long yen)
    {
        var measure = Assert.Single(ExtractLines(text).Measures);
        Assert.Equal("change", measure.Role);
        Assert.Equal(yen, measure.Mention.AmountYen);
    }
}
