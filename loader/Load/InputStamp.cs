using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BudgetWarehouse.Loader.Load;

/// <summary>
/// What a load's inputs look like on disk, from metadata alone: the path, size and modification time of every
/// document, of the manifest and reference data and of the sql/ scripts, the loader's build and the limits that
/// decide rejections. Nothing is opened, so a reload with nothing changed is decided in the time it takes to list
/// the folder. The stamp of the inputs a snapshot was built from is kept in the warehouse folder beside the
/// current link (<see cref="FileName"/>, with the snapshot's id); a file modified in the last
/// <see cref="QuietSeconds"/> seconds makes no stamp, because it could change again without its size or time moving.
/// </summary>
internal static class InputStamp
{
    public const string FileName = "inputs.stamp";

    private const int QuietSeconds = 2;

    /// <summary>The stamp of the seeds folder and the loader, or null when a file is too recent to be trusted by its metadata.</summary>
    public static string? Compute(string seedsDir, long maxFileBytes, int maxLineLength, DateTime nowUtc)
    {
        var lines = new List<string>
        {
            "loader\t" + typeof(InputStamp).Assembly.ManifestModule.ModuleVersionId,
            "models\t" + typeof(Models.EtlDocumentRow).Assembly.ManifestModule.ModuleVersionId,
            string.Create(CultureInfo.InvariantCulture, $"limits\t{maxFileBytes}\t{maxLineLength}"),
        };
        var newest = DateTime.MinValue;
        void Add(string tag, string root)
        {
            if (File.Exists(root))
            {
                newest = Describe(tag, root, new FileInfo(root), lines, newest);
                return;
            }

            if (!Directory.Exists(root))
            {
                lines.Add(tag + "\t(none)");
                return;
            }

            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true };
            foreach (var info in new DirectoryInfo(root).EnumerateFileSystemInfos("*", options))
            {
                if (info is FileInfo || info.LinkTarget is not null)
                {
                    newest = Describe(tag + "/" + Path.GetRelativePath(root, info.FullName), info.FullName, info, lines, newest);
                }
            }
        }

        Add("sql", SqlScripts.Root);
        Add("manifest", Path.Combine(seedsDir, Manifest.FileName));
        Add("reference", Path.Combine(seedsDir, "reference"));
        Add("documents", Path.Combine(seedsDir, DocumentInputs.DocumentsFolder));
        if (nowUtc - newest < TimeSpan.FromSeconds(QuietSeconds))
        {
            return null;
        }

        lines.Sort(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }

    /// <summary>True when the warehouse's stamp names <paramref name="snapshotId"/> and equals <paramref name="stamp"/>.</summary>
    public static bool Matches(string warehouseDir, string? snapshotId, string? stamp)
    {
        if (snapshotId is null || stamp is null)
        {
            return false;
        }

        try
        {
            var path = Path.Combine(warehouseDir, FileName);
            return File.Exists(path) && File.ReadAllText(path).Trim() == $"{snapshotId}\t{stamp}";
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

    /// <summary>Records that the current snapshot <paramref name="snapshotId"/> was built from inputs with <paramref name="stamp"/> (none: removes the record).</summary>
    public static void Write(string warehouseDir, string snapshotId, string? stamp)
    {
        var path = Path.Combine(warehouseDir, FileName);
        if (stamp is null)
        {
            File.Delete(path);
            return;
        }

        var temp = path + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        File.WriteAllText(temp, $"{snapshotId}\t{stamp}\n");
        File.Move(temp, path, overwrite: true);
    }

    private static DateTime Describe(string name, string path, FileSystemInfo info, List<string> lines, DateTime newest)
    {
        // A link is described with what it points at: editing the target must change the stamp.
        FileSystemInfo target = info;
        if (info.LinkTarget is not null)
        {
            try
            {
                target = File.ResolveLinkTarget(path, returnFinalTarget: true) ?? info;
            }
            catch (IOException)
            {
            }
        }

        var length = target is FileInfo { Exists: true } f ? f.Length : -1;
        var modified = target.Exists ? target.LastWriteTimeUtc : DateTime.MinValue;
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"{name}\t{length}\t{modified.Ticks}\t{(int)info.Attributes}\t{info.LinkTarget}"));
        return modified > newest ? modified : newest;
    }
}
