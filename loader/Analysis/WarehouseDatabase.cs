using BudgetWarehouse.Loader.Load;
using DuckDB.NET.Data;

namespace BudgetWarehouse.Loader.Analysis;

/// <summary>Finds and opens the published snapshot's database for reading.</summary>
internal static class WarehouseDatabase
{
    /// <summary>
    /// The current snapshot's budget.duckdb, resolved once so that a load publishing meanwhile does not switch
    /// files under a running command.
    /// </summary>
    public static string CurrentPath(SnapshotStore store)
    {
        var dir = store.CurrentSnapshotDir
            ?? throw new WarehouseNotFoundException($"no snapshot in {store.Root}: run 'bw load' first");
        var path = Path.Combine(dir, SnapshotStore.DatabaseFile);
        return File.Exists(path) ? path : throw new WarehouseNotFoundException($"{path} is missing: run 'bw load' again");
    }

    /// <summary>Opens a database file read-only in the sandbox of <see cref="SandboxConnection"/>.</summary>
    public static Task<DuckDBConnection> OpenReadOnlyAsync(string databasePath, CancellationToken cancellationToken, string? writableFile = null) =>
        File.Exists(databasePath)
            ? SandboxConnection.OpenAsync(databasePath, writableFile, cancellationToken)
            : throw new WarehouseNotFoundException($"{databasePath} does not exist");
}

/// <summary>The warehouse has no published snapshot (or its database file is gone).</summary>
internal sealed class WarehouseNotFoundException(string message) : Exception(message);
