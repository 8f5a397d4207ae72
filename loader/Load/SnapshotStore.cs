using System.Globalization;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// The warehouse folder's layout. Each load writes a complete snapshot aside and publishes it by renaming
/// one symbolic link, so a reader sees the old snapshot or the new one, never a mixture:
/// <code>
/// WAREHOUSE/snapshots/&lt;id&gt;/budget.duckdb, parquet/…   complete snapshots
/// WAREHOUSE/current        → snapshots/&lt;id&gt;           swapped atomically (rename(2))
/// WAREHOUSE/budget.duckdb  → current/budget.duckdb
/// WAREHOUSE/parquet        → current/parquet
/// </code>
/// A snapshot directory holds a <c>.complete</c> marker once fully written (and fsynced); anything else in
/// snapshots/ is the debris of an interrupted load and is removed by the next one. A replaced snapshot gets a
/// <c>.superseded</c> marker; beyond the newest snapshots a warehouse keeps, it is removed once that marker is older
/// than the grace period, so readers that opened it
/// can finish.
/// </summary>
internal static partial class NativeMethods
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "rename", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Rename(string oldPath, string newPath);

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "realpath", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8, SetLastError = true)]
    private static partial IntPtr RealPathNative(string path, IntPtr resolved);

    /// <summary>The canonical path with every link resolved (realpath(3)), or null when it does not exist.</summary>
    internal static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(path);
        }

        var result = RealPathNative(path, IntPtr.Zero);
        if (result == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(result);
        }
        finally
        {
            unsafe
            {
                System.Runtime.InteropServices.NativeMemory.Free((void*)result);
            }
        }
    }
}

internal sealed class SnapshotStore(string warehouseDir, bool flushToDisk = true)
{
    public const string DatabaseFile = "budget.duckdb";
    public const string LakeFolder = "parquet";
    private const string CompleteMarker = ".complete";
    private const string SupersededMarker = ".superseded";

    public string Root { get; } = Path.GetFullPath(warehouseDir);

    public string SnapshotsDir => Path.Combine(Root, "snapshots");

    public string CurrentLink => Path.Combine(Root, "current");

    public string DatabaseLink => Path.Combine(Root, DatabaseFile);

    public string LakeLink => Path.Combine(Root, LakeFolder);

    /// <summary>The published snapshot's folder, or null before the first load.</summary>
    public string? CurrentSnapshotDir
    {
        get
        {
            var info = new DirectoryInfo(CurrentLink);
            if (info.LinkTarget is null)
            {
                return null;
            }

            var target = Path.GetFullPath(Path.Combine(Root, info.LinkTarget));
            return Directory.Exists(target) ? target : null;
        }
    }

    public string? CurrentSnapshotId => CurrentSnapshotDir is { } d ? Path.GetFileName(d) : null;

    /// <summary>Creates the folder of a new snapshot.</summary>
    public (string Id, string Dir) Begin(DateTime startedAtUtc)
    {
        var id = startedAtUtc.ToString("yyyyMMdd'T'HHmmss'.'fff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var dir = Path.Combine(SnapshotsDir, id);
        Directory.CreateDirectory(dir);
        return (id, dir);
    }

    /// <summary>Marks the snapshot complete and makes it current atomically.</summary>
    public void Publish(string id)
    {
        var dir = Path.Combine(SnapshotsDir, id);

        // Everything on disk before the marker, and the marker before the link: a power cut leaves the old
        // snapshot current, never a current one with missing pages.
        if (flushToDisk)
        {
            FsyncTree(dir);
        }

        using (var marker = File.Create(Path.Combine(dir, CompleteMarker)))
        {
            marker.Flush(flushToDisk);
        }

        FsyncDirectory(dir);

        // The stable names point through current/, so they can exist before it does (the first publish).
        EnsureLink(DatabaseLink, Path.Combine("current", DatabaseFile));
        EnsureLink(LakeLink, Path.Combine("current", LakeFolder));
        if (CurrentSnapshotDir is { } previous)
        {
            File.WriteAllText(Path.Combine(previous, SupersededMarker), id + "\n");
        }

        ReplaceLink(CurrentLink, Path.Combine("snapshots", id));
        FsyncDirectory(Root);
    }

    /// <summary>
    /// Removes snapshots that are not current: incomplete ones at once (an interrupted load); complete ones when
    /// <paramref name="keepSnapshots"/> newer complete snapshots (the current one counted) exist and they were
    /// superseded at least <paramref name="grace"/> ago, so a reader that opened them can finish.
    /// </summary>
    public void Collect(TimeSpan grace, int keepSnapshots = 1, string? keep = null)
    {
        // Temporary links of a publish that was interrupted before its rename.
        if (Directory.Exists(Root))
        {
            foreach (var temp in Directory.EnumerateFileSystemEntries(Root, "*.tmp-*"))
            {
                if (new FileInfo(temp).LinkTarget is not null)
                {
                    File.Delete(temp);
                }
            }
        }

        if (!Directory.Exists(SnapshotsDir))
        {
            return;
        }

        var current = CurrentSnapshotId;
        var newerComplete = 0;
        // Ids start with the time they were begun: newest first.
        foreach (var dir in Directory.EnumerateDirectories(SnapshotsDir).OrderDescending(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var complete = File.Exists(Path.Combine(dir, CompleteMarker));
            if (name == current || name == keep || (complete && newerComplete < keepSnapshots))
            {
                newerComplete += complete ? 1 : 0;
                continue;
            }

            // The grace period runs from when the snapshot stopped being current, not from when it was made.
            var superseded = Path.Combine(dir, SupersededMarker);
            var age = DateTime.UtcNow - (File.Exists(superseded) ? File.GetLastWriteTimeUtc(superseded) : Directory.GetLastWriteTimeUtc(dir));
            if (complete && age < grace)
            {
                newerComplete++;
                continue;
            }

            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Still in use or already gone; the next load tries again.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static void ReplaceLink(string link, string target)
    {
        var temp = link + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.CreateSymbolicLink(temp, target);
        if (OperatingSystem.IsWindows())
        {
            File.Move(temp, link, overwrite: true);
            return;
        }

        // rename(2) replaces the link atomically; File.Move would follow a link that points at a folder.
        if (NativeMethods.Rename(temp, link) != 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            File.Delete(temp);
            throw new IOException($"cannot publish {link}: rename failed (errno {errno})");
        }
    }

    private static void EnsureLink(string link, string target)
    {
        var info = new FileInfo(link);
        if (info.LinkTarget == target)
        {
            return;
        }

        if (Directory.Exists(link) && info.LinkTarget is null)
        {
            // A plain folder left by an older layout: move it aside rather than delete data.
            Directory.Move(link, link + ".old-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        }

        ReplaceLink(link, target);
    }

    private static void FsyncTree(string dir)
    {
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            try
            {
                using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read);
                RandomAccess.FlushToDisk(handle);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories))
        {
            FsyncDirectory(sub);
        }
    }

    private static void FsyncDirectory(string dir)
    {
        try
        {
            using var handle = File.OpenHandle(dir, FileMode.Open, FileAccess.Read);
            RandomAccess.FlushToDisk(handle);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
