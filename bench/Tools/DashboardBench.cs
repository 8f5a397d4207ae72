using System.Diagnostics;
using System.Globalization;
using BudgetWarehouse.Loader.Dashboard;
using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Bench.Tools;

/// <summary>
/// Times every query of sql/dashboard/ on a loaded warehouse, as the dashboard runs them (through the sandboxed
/// read-only connection, every row read): once with no filter and once with a typical selection (the commonest
/// theme and the fiscal year with the most initiatives). Median of 5 runs after a warm-up run.
/// </summary>
internal static class DashboardBench
{
    public static async Task<double> RunAsync(SnapshotStore store, TextWriter output, CancellationToken cancellationToken)
    {
        await using var connections = new SnapshotConnections(store);
        await using var lease = await connections.LeaseAsync(cancellationToken).ConfigureAwait(false);
        var none = new DashboardFilter();
        var overview = await DashboardQueries.RunAsync(lease, "overview_themes", none, 0, cancellationToken).ConfigureAwait(false);
        var years = await DashboardQueries.RunAsync(lease, "overview_years", none, 0, cancellationToken).ConfigureAwait(false);
        // The year with the most initiatives (overview_years: fiscal_year first, initiatives fifth).
        var busiest = years.Rows.OrderByDescending(r => Convert.ToInt64(r[4], CultureInfo.InvariantCulture)).Select(r => (int?)Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).FirstOrDefault();
        var selection = new DashboardFilter
        {
            Theme = overview.Rows.Count > 0 ? (string?)overview.Rows[0][0] : null,
            FyFrom = busiest,
            FyTo = busiest,
        };
        await output.WriteLineAsync($"dashboard queries (median of 5 ms; selection: theme {selection.Theme}, fiscal year {selection.FyTo}):").ConfigureAwait(false);
        var slowest = 0.0;
        foreach (var name in DashboardQueries.Names)
        {
            var all = await TimeAsync(lease, name, none, cancellationToken).ConfigureAwait(false);
            var some = await TimeAsync(lease, name, selection, cancellationToken).ConfigureAwait(false);
            slowest = Math.Max(slowest, Math.Max(all.Ms, some.Ms));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {name,-22} all {all.Ms,8:F1} ms ({all.Rows,6} rows)   selection {some.Ms,8:F1} ms ({some.Rows,6} rows)")).ConfigureAwait(false);
        }

        return slowest;
    }

    private static async Task<(double Ms, int Rows)> TimeAsync(SnapshotLease lease, string name, DashboardFilter filter, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < 6; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = await DashboardQueries.RunAsync(lease, name, filter, DashboardQueries.TableLimit + 1, cancellationToken).ConfigureAwait(false);
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            rows = result.Rows.Count;
        }

        times.Sort();
        return (times[times.Count / 2], rows);
    }
}
