using System.Runtime.InteropServices;

namespace BudgetWarehouse.Loader.Load;

/// <summary>Hard links between snapshots, so that an unchanged file is shared rather than written again.</summary>
internal static partial class FileLinks
{
    /// <summary>
    /// Makes <paramref name="target"/> a hard link to <paramref name="source"/>, or a copy where the file system has no
    /// hard links. False, with nothing at <paramref name="target"/>, when the source is missing or neither works.
    /// </summary>
    public static bool TryLinkOrCopy(string source, string target)
    {
        if (!File.Exists(source))
        {
            return false;
        }

        if (!OperatingSystem.IsWindows() && Link(source, target) == 0)
        {
            return true;
        }

        try
        {
            File.Copy(source, target);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string created);
}
