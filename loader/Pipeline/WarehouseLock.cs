using BudgetWarehouse.Loader.Load;

namespace BudgetWarehouse.Loader.Pipeline;

/// <summary>
/// The warehouse folder cannot be written now: it is read-only, or another load holds its lock. An <see cref="IOException"/>,
/// so a verb reports it as one line with exit 2 and the service retries it like any other file error.
/// </summary>
internal sealed class WarehouseFolderException(string message, Exception inner) : IOException(message, inner);

/// <summary>One writer per warehouse: a load (or a collection of old snapshots) holds the warehouse's lock file open exclusively.</summary>
internal static class WarehouseLock
{
    // errno values the runtime puts in IOException.HResult on Unix: EROFS and EACCES.
    private const int ReadOnlyFileSystem = 30;
    private const int PermissionDenied = 13;

    public static FileStream Acquire(string root)
    {
        var path = Path.Combine(root, ".lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex) when (ex.HResult is ReadOnlyFileSystem or PermissionDenied)
        {
            throw new WarehouseFolderException($"the warehouse folder {root} is read-only: cannot create {path} ({ex.Message})", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new WarehouseFolderException($"the warehouse folder {root} is read-only: cannot create {path} ({ex.Message})", ex);
        }
        catch (IOException ex)
        {
            throw new WarehouseFolderException($"another load is writing to {root} (lock {path} is held)", ex);
        }
    }

    /// <summary>Removes superseded snapshots past their grace period, unless a load holds the warehouse.</summary>
    public static bool TryCollect(SnapshotStore store, TimeSpan grace, int keepSnapshots)
    {
        if (!Directory.Exists(store.Root))
        {
            return false;
        }

        try
        {
            using var writerLock = Acquire(store.Root);
            store.Collect(grace, keepSnapshots);
            return true;
        }
        catch (WarehouseFolderException)
        {
            return false;
        }
    }
}
