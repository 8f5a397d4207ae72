namespace BudgetWarehouse.Tests;

public class SmokeTests
{
    [Fact]
    public void SourceSpanUnionCoversBoth() =>
        Assert.Equal(new Models.SourceSpan(3, 9), new Models.SourceSpan(3, 4).Union(new Models.SourceSpan(8, 9)));
}
