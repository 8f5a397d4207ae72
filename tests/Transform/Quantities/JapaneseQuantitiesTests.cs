using BudgetWarehouse.Loader.Transform.Quantities;
using BudgetWarehouse.Models.Quantities;

namespace BudgetWarehouse.Tests.Transform.Quantities;

public class JapaneseQuantitiesTests
{
    [Fact]
    public void ValueTypesCarryTheirRawText()
    {
        const string text = "繰上償還 約１０億円、比率 ５．４％、児童クラブ（3クラブ）を令和3年春に開設";
        Assert.Equal([new YenAmount(1_000_000_000, true, "約１０億円")], JapaneseQuantities.Money(text));
        Assert.Equal([new Percentage(5.4, false, "５．４％")], JapaneseQuantities.Percentages(text));
        Assert.Equal([new CountedQuantity(3, "クラブ", false, "3クラブ")], JapaneseQuantities.Counts(text));
        var date = Assert.Single(JapaneseQuantities.Dates(text));
        Assert.Equal((new DateOnly(2021, 3, 1), DatePrecision.Season, "令和3年春"), (date.Start, date.Precision, date.RawText));
    }
}
