using System.Collections.Concurrent;
using BudgetWarehouse.Loader.Load;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Dashboard;

/// <summary>A sandboxed read-only connection to one snapshot, held for one request.</summary>
internal sealed class SnapshotLease(SnapshotConnections owner, SnapshotConnections.Generation generation, DuckDBConnection connection) : IAsyncDisposable
{
    public DuckDBConnection Connection { get; } = connection;

    public string SnapshotId => generation.SnapshotId;

    public string SnapshotDir => generation.Dir;

    /// <summary>The snapshot's tables and views, for the queries' <c>-- requires:</c> headers.</summary>
    public IReadOnlySet<string> Relations => generation.Relations;

    public ValueTask DisposeAsync() => owner.ReturnAsync(generation, Connection);
}

/// <summary>
/// Connections to the published snapshot, pooled. Each request leases one and keeps it to the end, so a page is
/// answered from one snapshot; the next request sees whatever snapshot is current then (a reload by <c>serve</c>
/// publishes by swapping a link, and the replaced snapshot stays on disk for the grace period). Connections of a
/// replaced snapshot are closed as they come back.
/// </summary>
internal sealed class SnapshotConnections(SnapshotStore store) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private Generation? _current;

    internal sealed class Generation(string dir, IReadOnlySet<string> relations)
    {
        public string Dir { get; } = dir;

        public string SnapshotId => Path.GetFileName(Dir);

        public IReadOnlySet<string> Relations { get; } = relations;

        public ConcurrentBag<DuckDBConnection> Idle { get; } = [];
    }

    /// <summary>A connection to the snapshot current now; throws <see cref="InvalidOperationException"/> before the first load.</summary>
    public async Task<SnapshotLease> LeaseAsync(CancellationToken cancellationToken)
    {
        var dir = store.CurrentSnapshotDir ?? throw new InvalidOperationException($"no published snapshot in {store.Root}: run `bw load` first");
        Generation? generation;
        lock (_gate)
        {
            generation = _current?.Dir == dir ? _current : null;
        }

        if (generation is not null && generation.Idle.TryTake(out var idle))
        {
            return new SnapshotLease(this, generation, idle);
        }

        var connection = await OpenAsync(dir, cancellationToken).ConfigureAwait(false);
        if (generation is null)
        {
            var relations = await SqlRequirements.RelationsAsync(connection, cancellationToken).ConfigureAwait(false);
            Generation? replaced;
            lock (_gate)
            {
                replaced = _current?.Dir == dir ? null : _current;
                generation = _current?.Dir == dir ? _current : (_current = new Generation(dir, relations));
            }

            if (replaced is not null)
            {
                await CloseAsync(replaced).ConfigureAwait(false);
            }
        }

        return new SnapshotLease(this, generation, connection);
    }

    internal async ValueTask ReturnAsync(Generation generation, DuckDBConnection connection)
    {
        bool current;
        lock (_gate)
        {
            current = ReferenceEquals(_current, generation);
        }

        if (!current)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            return;
        }

        generation.Idle.Add(connection);
        lock (_gate)
        {
            current = ReferenceEquals(_current, generation);
        }

        if (!current)
        {
            // Replaced while the connection went back: close what the replacement may have missed.
            await CloseAsync(generation).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Generation? last;
        lock (_gate)
        {
            (last, _current) = (_current, null);
        }

        if (last is not null)
        {
            await CloseAsync(last).ConfigureAwait(false);
        }
    }

    private static async Task<DuckDBConnection> OpenAsync(string dir, CancellationToken cancellationToken)
    {
        var connection = await SandboxConnection.OpenAsync(Path.Combine(dir, SnapshotStore.DatabaseFile), null, cancellationToken).ConfigureAwait(false);
        try
        {
            await DashboardQueries.DefineFiltersAsync(connection, cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task CloseAsync(Generation generation)
    {
        while (generation.Idle.TryTake(out var connection))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
