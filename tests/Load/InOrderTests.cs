using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Tests.Load;

/// <summary>Results of parallel work come back in the order the work was handed out.</summary>
public class InOrderTests
{
    [Fact]
    public async Task ResultsAreYieldedInIndexOrderWhateverOrderTheyArriveIn()
    {
        var arrived = new[] { (2, "c"), (0, "a"), (3, "d"), (1, "b"), (5, "f"), (4, "e") };
        var ordered = new List<string>();
        await foreach (var item in arrived.ToAsyncEnumerable().ReadInOrderAsync())
        {
            ordered.Add(item);
        }

        Assert.Equal(["a", "b", "c", "d", "e", "f"], ordered);
    }

    [Fact]
    public async Task AResultThatNeverArrivesIsAnError()
    {
        var arrived = new[] { (0, "a"), (2, "c") };
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var _ in arrived.ToAsyncEnumerable().ReadInOrderAsync())
            {
            }
        });
        Assert.Contains("1", ex.Message, StringComparison.Ordinal);
    }
}
