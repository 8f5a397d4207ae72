using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>Brings the cross-year lineage up to date for the series the run changed, while the lake's first export runs.</summary>
internal static class LineageStage
{
    /// <summary>Returns the number of series whose lineage was recomputed.</summary>
    public static async Task<int> LinkAsync(WarehouseWriter writer, int parallelism, SnapshotChanges changes, LakePublisher lake, LoadMetrics metrics, CancellationToken cancellationToken)
    {
        try
        {
            var (series, _) = await writer.LinkAsync(parallelism, changes, cancellationToken, metrics.Step).ConfigureAwait(false);
            return series;
        }
        finally
        {
            await lake.SettleAsync().ConfigureAwait(false);
        }
    }
}
