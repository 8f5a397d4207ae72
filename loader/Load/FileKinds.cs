using System.Runtime.InteropServices;

namespace BudgetWarehouse.Loader.Load;

internal static partial class NativeMethods
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    // statx(2) rather than stat(2): its buffer has the same layout on every architecture.
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int Statx(int dirFd, string path, int flags, uint mask, byte* buffer);

    /// <summary>The file type bits of st_mode (S_IFMT) of a path, links followed; null when it cannot be read.</summary>
    internal static unsafe int? FileType(string path)
    {
        var buffer = stackalloc byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            return null;
        }

        // struct statx: stx_mode is the u16 at offset 28.
        return *(ushort*)(buffer + 28) & 0xF000;
    }
}

/// <summary>What kind of file system entry a path is, read from its metadata without opening it.</summary>
internal static class FileKinds
{
    /// <summary>
    /// Null for a regular file (or where the type cannot be told, as on Windows); otherwise what the entry is, for
    /// a message. A FIFO would block whoever opens it until a writer comes, a device could be endless: neither
    /// may be opened as a document.
    /// </summary>
    public static string? NotRegular(string path)
    {
        if (OperatingSystem.IsWindows() || NativeMethods.FileType(path) is not { } type)
        {
            return null;
        }

        return type switch
        {
            0x8000 => null,
            0x1000 => "a FIFO (named pipe)",
            0xC000 => "a socket",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0x4000 => "a directory",
            _ => "not a regular file",
        };
    }
}
