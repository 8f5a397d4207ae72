namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// Puts the results of parallel work back into the order the work was handed out, so that rows reach DuckDB in
/// the same order on every run (and the Parquet files written from the tables are the same for the same inputs)
/// however the workers interleave. Results that arrive early wait in memory; workers take items in order, so
/// they are at most the ones other workers finished while one item took longer.
/// </summary>
internal static class InOrder
{
    public static async IAsyncEnumerable<T> ReadInOrderAsync<T>(this IAsyncEnumerable<(int Index, T Item)> results)
    {
        var early = new Dictionary<int, T>();
        var next = 0;
        await foreach (var (index, item) in results.ConfigureAwait(false))
        {
            if (index != next)
            {
                early.Add(index, item);
                continue;
            }

            yield return item;
            next++;
            while (early.Remove(next, out var waiting))
            {
                yield return waiting;
                next++;
            }
        }

        if (early.Count > 0)
        {
            throw new InvalidOperationException($"results {next} to {early.Keys.Min() - 1} never arrived");
        }
    }
}
